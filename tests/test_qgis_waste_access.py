"""territoire:waste_access through Processing on a small GeoPackage made here (EPSG:2154)."""

from __future__ import annotations

import geopandas as gpd
import pytest
from qgis.core import QgsRenderContext, QgsVectorLayer
from shapely.geometry import LineString, Point, box

pytestmark = pytest.mark.qgis

X0, Y0 = 650_000.0, 7_100_000.0


def house(x: float, y: float):
    return box(X0 + x - 5, Y0 + y - 5, X0 + x + 5, Y0 + y + 5)


@pytest.fixture(scope="module")
def town(tmp_path_factory) -> str:
    path = str(tmp_path_factory.mktemp("access") / "town.gpkg")
    gpd.GeoDataFrame(
        {"building_id": ["b1", "b2", "b3", "b4"], "population": [10.0, 20.0, 30.0, None]},
        geometry=[house(0, 100), house(1000, 0), house(4000, 0), house(4100, 0)],
        crs="EPSG:2154",
    ).to_file(path, layer="buildings", driver="GPKG")
    gpd.GeoDataFrame(
        {"point_id": ["D1", "C1", "D2"], "kind": ["decheterie", "container", "decheterie"]},
        geometry=[Point(X0, Y0), Point(X0 + 4000, Y0), Point(X0 + 2000, Y0)],
        crs="EPSG:2154",
    ).to_file(path, layer="waste_points", driver="GPKG")
    gpd.GeoDataFrame(
        {"code_insee": ["59001", "59002"]},
        geometry=[
            box(X0 - 500, Y0 - 500, X0 + 1500, Y0 + 500),
            box(X0 + 1500, Y0 - 500, X0 + 5000, Y0 + 500),
        ],
        crs="EPSG:2154",
    ).to_file(path, layer="communes", driver="GPKG")
    gpd.GeoDataFrame(
        {"road_id": [1]}, geometry=[LineString([(X0, Y0), (X0 + 5000, Y0)])], crs="EPSG:2154"
    ).to_file(path, layer="roads", driver="GPKG")
    return path


def test_access_along_roads_with_kind_filter(territoire_plugin, town, tmp_path) -> None:
    from qgis import processing

    result = processing.run(
        "territoire:waste_access",
        {
            "DEMAND": f"{town}|layername=buildings",
            "FACILITIES": f"{town}|layername=waste_points",
            "KINDS": "decheterie",
            "DISTANCE": 1,
            "ROADS": f"{town}|layername=roads",
            "THRESHOLD": 1.5,
            "COMMUNES": f"{town}|layername=communes",
            "OUTPUT": str(tmp_path / "access.gpkg"),
            "COMMUNES_OUTPUT": str(tmp_path / "communes.gpkg"),
            "UNDERSERVED": str(tmp_path / "underserved.gpkg"),
        },
    )
    buildings = gpd.read_file(result["OUTPUT"]).set_index("building_id")
    # the container C1 is filtered out: b3 and b4 are 2 and 2.1 km from D2
    assert buildings.distance_km.tolist() == pytest.approx([0.1, 1.0, 2.0, 2.1])
    assert buildings.facility_id.tolist() == ["D1", "D1", "D2", "D2"]
    assert buildings["within"].astype(bool).tolist() == [True, True, False, False]
    communes = gpd.read_file(result["COMMUNES_OUTPUT"]).set_index("code_insee")
    assert communes.population.tolist() == [30.0, 30.0]  # NULL population counts 0
    assert communes.share_served.tolist() == pytest.approx([100.0, 0.0])
    underserved = gpd.read_file(result["UNDERSERVED"])
    assert underserved.population.tolist() == [30.0]  # b4 has no population: no area of its own
    assert underserved.features.tolist() == [1]
    drawn = {}  # the per-commune classes and the areas' hatching are stored with the outputs
    for output, key in ((result["COMMUNES_OUTPUT"], "code_insee"), (result["UNDERSERVED"], "area_id")):
        layer = QgsVectorLayer(output, "out", "ogr")
        assert layer.loadDefaultStyle()[1]
        context = QgsRenderContext()
        renderer = layer.renderer().clone()
        renderer.startRender(context, layer.fields())
        for feature in layer.getFeatures():
            context.expressionContext().setFeature(feature)
            drawn[feature[key]] = [symbol.label() for symbol in renderer.legendSymbolItems()
                                   if symbol.ruleKey() in renderer.legendKeysForFeature(feature, context)
                                   and symbol.symbol() is not None]  # fmt: skip
        renderer.stopRender(context)
    assert drawn["59001"] == ["95 % et plus"] and drawn["59002"] == ["Moins de 50 %"]
    assert drawn[1] == ["Zone mal desservie (habitants au-delà du seuil)"]


def test_geographic_crs_is_refused(territoire_plugin, town, tmp_path) -> None:
    from qgis import processing
    from qgis.core import QgsProcessingException

    wgs84 = str(tmp_path / "wgs84.gpkg")
    gpd.read_file(town, layer="buildings").to_crs("EPSG:4326").to_file(
        wgs84, layer="buildings", driver="GPKG"
    )
    with pytest.raises(QgsProcessingException, match="geographic"):
        processing.run(
            "territoire:waste_access",
            {
                "DEMAND": f"{wgs84}|layername=buildings",
                "FACILITIES": f"{town}|layername=waste_points",
                "OUTPUT": str(tmp_path / "a.gpkg"),
                "UNDERSERVED": str(tmp_path / "u.gpkg"),
            },
        )
    assert not (tmp_path / "a.gpkg").exists()


def test_the_old_km_threshold_and_the_metres_one_give_the_same_result(
    territoire_plugin, town, tmp_path
) -> None:
    from qgis import processing

    def served(folder: str, **threshold) -> list[bool]:
        (tmp_path / folder).mkdir()
        result = processing.run(
            "territoire:waste_access",
            {
                "DEMAND": f"{town}|layername=buildings",
                "FACILITIES": f"{town}|layername=waste_points",
                "KINDS": "decheterie",
                "OUTPUT": str(tmp_path / folder / "access.gpkg"),
                "UNDERSERVED": str(tmp_path / folder / "underserved.gpkg"),
                **threshold,
            },
        )
        return gpd.read_file(result["OUTPUT"]).sort_values("building_id")["within"].astype(bool).tolist()

    assert served("km", THRESHOLD=1.5) == served("m", THRESHOLD_M=1500.0) == [True, True, False, False]
    assert served("both", THRESHOLD=1.5, THRESHOLD_M=2050.0) == [True, True, True, False]  # metres win
