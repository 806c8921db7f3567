"""The indicator algorithms run in real QGIS through Processing on a small GeoPackage made here."""

from __future__ import annotations

import math
from pathlib import Path

import geopandas as gpd
import pytest
from qgis.core import (
    NULL,
    QgsExpression,
    QgsExpressionContextUtils,
    QgsProcessingException,
    QgsRenderContext,
    QgsVectorLayer,
    QgsWkbTypes,
)
from shapely.geometry import Point, box

from territoire_numerique.engine.provenance import Source, read_sources, write_sources

CRS = "EPSG:2154"
X0, Y0 = 650_000.0, 7_100_000.0  # inside the Dunkerque area, Lambert-93


def shifted(x: float, y: float) -> tuple[float, float]:
    return X0 + x, Y0 + y


@pytest.fixture(scope="module")
def territory(tmp_path_factory) -> Path:
    """Three communes (A, B with buildings; C far away without), fibre, sites, roofs, waste."""
    path = tmp_path_factory.mktemp("indicators") / "territory.gpkg"
    communes = gpd.GeoDataFrame(
        {
            "code_insee": ["59001", "59002", "59003"],
            "name": ["Alpha", "Beta", "Gamma"],
            "epci": ["E1", "E1", "E1"],
            "population": [4000, 1000, 300],
        },
        geometry=[
            box(*shifted(0, 0), *shifted(2000, 2000)),
            box(*shifted(2000, 0), *shifted(4000, 2000)),
            box(*shifted(0, 8000), *shifted(1000, 9000)),
        ],
        crs=CRS,
    )
    communes.to_file(path, layer="communes", driver="GPKG")
    fibre = gpd.GeoDataFrame(
        {
            "building_id": ["b1", "b2", "b3", "b4", "b5"],
            "code_insee": ["59001", "59001", "59001", "59002", "59002"],
            "premises": [10, 30, None, 5, 5],
            "best_techno": ["FO", "CU", "CU", "FO", "FO"],
            "ftth": [True, False, False, True, True],
            "best_down_class": ["1G+", "8-30M", "<8M", "1G+", "1G+"],
        },
        geometry=[
            Point(shifted(*xy)) for xy in [(500, 500), (600, 600), (700, 700), (2500, 500), (3500, 500)]
        ],
        crs=CRS,
    )
    fibre.to_file(path, layer="fibre", driver="GPKG")
    sites = gpd.GeoDataFrame(
        {"site_id": ["s1", "s2"], "name": ["Usine", "Dépôt"], "seveso": ["Seveso seuil haut", "Non Seveso"]},
        geometry=[Point(shifted(520, 500)), Point(shifted(1500, 1500))],
        crs=CRS,
    )
    sites.to_file(path, layer="industrial_sites", driver="GPKG")
    solar = gpd.GeoDataFrame(
        {
            "roof_id": ["r1", "r2", "r3", "r4"],
            "building_id": ["b1", "b2", "b4", "b5"],
            "usage": ["industrial", "residential", "commercial", "industrial"],
            "roof_area": [1000.0, 120.0, 500.0, 300.0],
            "usable_area": [600.0, 60.0, 300.0, 200.0],
            "irradiation": [1100.0, 1000.0, None, 1050.0],
            "potential_kwh": [50_000.0, 5_000.0, None, 20_000.0],
        },
        geometry=[
            box(*shifted(480, 480), *shifted(530, 510)),
            box(*shifted(600, 600), *shifted(610, 612)),
            box(*shifted(2490, 490), *shifted(2520, 510)),
            box(*shifted(3490, 490), *shifted(3510, 505)),
        ],
        crs=CRS,
    )
    solar.to_file(path, layer="solar", driver="GPKG")
    waste = gpd.GeoDataFrame(
        {"site_id": ["s1", "s1"], "tonnes": [12.5, 7.5]}, geometry=[Point(shifted(520, 500))] * 2, crs=CRS
    )
    waste.to_file(path, layer="industrial_waste", driver="GPKG")
    points = gpd.GeoDataFrame(
        {"point_id": ["d1", "d2"], "kind": ["decheterie", "container"]},
        geometry=[Point(shifted(1000, 1000)), Point(shifted(3000, 1000))],
        crs=CRS,
    )
    points.to_file(path, layer="waste_points", driver="GPKG")
    ports = gpd.GeoDataFrame(
        {"zone_id": ["p1"], "name": ["Port Est"]},
        geometry=[box(*shifted(1500, 0), *shifted(2500, 100))],
        crs=CRS,
    )
    ports.to_file(path, layer="port_zones", driver="GPKG")
    gpd.GeoDataFrame({"id": [1]}, geometry=[box(2.3, 51.0, 2.4, 51.1)], crs="EPSG:4326").to_file(
        path, layer="geographic", driver="GPKG"
    )
    write_sources(
        path,
        [
            Source("fibre", "Fibre", "ARCEP", "", "Licence Ouverte", "ARCEP", "2025 T2", "2025-07-01", True),
            Source(
                "communes",
                "Communes",
                "IGN",
                "",
                "Licence Ouverte",
                "IGN Admin Express",
                "2018",
                "2025-07-01",
            ),
        ],
    )
    return path


def layer(path: Path, name: str) -> str:
    return f"{path}|layername={name}"


def features(result_layer) -> list[dict]:
    if isinstance(result_layer, str):
        result_layer = QgsVectorLayer(result_layer, "out", "ogr")
    names = result_layer.fields().names()
    return [
        {name: (None if value == NULL else value) for name, value in zip(names, feature.attributes())}
        for feature in result_layer.getFeatures()
    ]


def test_fibre_coverage_per_commune(territoire_plugin, territory, tmp_path):
    from qgis import processing

    output = tmp_path / "fibre.gpkg"
    sites_output = tmp_path / "sites.gpkg"
    result = processing.run(
        "territoire:fibre_coverage",
        {
            "FIBRE": layer(territory, "fibre"),
            "ZONES": layer(territory, "communes"),
            "TARGET": 80,
            "SITES": layer(territory, "industrial_sites"),
            "SITE_DISTANCE": 50,
            "OUTPUT": str(output),
            "SITES_OUTPUT": str(sites_output),
        },
    )
    rows = {row["code_insee"]: row for row in features(result["OUTPUT"])}
    alpha, beta, gamma = rows["59001"], rows["59002"], rows["59003"]
    assert (alpha["premises"], alpha["premises_ftth"], alpha["premises_no_thd"]) == (41, 10, 31)
    assert alpha["ftth_rate"] == pytest.approx(100 * 10 / 41, abs=0.01)
    assert alpha["below_target"] is True and alpha["name"] == "Alpha"
    assert beta["ftth_rate"] == 100.0 and beta["below_target"] is False
    assert gamma["premises"] == 0
    assert gamma["ftth_rate"] is None and gamma["below_target"] is None  # NULL, not 0 %
    sites = {row["site_id"]: row for row in features(result["SITES_OUTPUT"])}
    assert sites["s1"]["fibre_at_site"] is True and sites["s1"]["nearest_ftth_id"] == "b1"
    assert sites["s1"]["nearest_ftth_m"] == pytest.approx(20.0)
    assert sites["s2"]["fibre_at_site"] is False
    assert sites["s2"]["nearest_ftth_m"] == pytest.approx(math.hypot(1000, 1000), abs=0.1)


def test_fibre_coverage_on_a_hexagon_grid(territoire_plugin, territory, tmp_path):
    from qgis import processing

    result = processing.run(
        "territoire:fibre_coverage",
        {
            "FIBRE": layer(territory, "fibre"),
            "ZONES": layer(territory, "communes"),
            "ZONE_TYPE": 2,
            "CELL_SIZE": 500,
            "OUTPUT": str(tmp_path / "grid.gpkg"),
        },
    )
    output = QgsVectorLayer(result["OUTPUT"], "grid", "ogr")
    rows = features(output)
    assert sum(row["premises"] for row in rows) == 51
    assert sum(row["premises_ftth"] for row in rows) == 20
    assert len({row["zone_id"] for row in rows}) == len(rows) > 10
    empty = [row for row in rows if row["premises"] == 0]
    assert empty and all(row["ftth_rate"] is None for row in empty)
    cell = next(output.getFeatures()).geometry()
    assert cell.area() == pytest.approx(math.sqrt(3) / 2 * 500**2, rel=1e-6)


def test_fibre_coverage_through_qgis_process_takes_the_choice_key_or_its_old_index(territory, tmp_path):
    """A script gives ZONE_TYPE=hexagon (the key) or ZONE_TYPE=2 (the index older models store)."""
    from qgis_process_support import run_algorithm

    outputs = {}
    for choice in ("hexagon", "2"):
        values = {
            "FIBRE": layer(territory, "fibre"),
            "ZONES": layer(territory, "communes"),
            "ZONE_TYPE": choice,
            "CELL_SIZE": 500,
            "OUTPUT": tmp_path / f"grid_{choice}.gpkg",
        }
        result = run_algorithm("territoire:fibre_coverage", values, tmp_path / "profile")
        grid = gpd.read_file(result["OUTPUT"])
        outputs[choice] = grid.drop(columns="geometry")
        assert grid.geometry.area.iloc[0] == pytest.approx(math.sqrt(3) / 2 * 500**2, rel=1e-6)  # hexagons
    assert len(outputs["hexagon"]) > 10 and outputs["hexagon"]["premises"].sum() == 51
    assert outputs["hexagon"].equals(outputs["2"])


def test_fibre_coverage_refuses_geographic_zones(territoire_plugin, territory, tmp_path):
    from qgis import processing

    with pytest.raises(QgsProcessingException, match="geographic CRS"):
        processing.run(
            "territoire:fibre_coverage",
            {
                "FIBRE": layer(territory, "fibre"),
                "ZONES": layer(territory, "geographic"),
                "OUTPUT": str(tmp_path / "never.gpkg"),
            },
        )
    assert not (tmp_path / "never.gpkg").exists()


def test_fibre_coverage_needs_zones_or_a_grid(territoire_plugin, territory, tmp_path):
    from qgis import processing

    with pytest.raises(QgsProcessingException, match="zones layer"):
        processing.run(
            "territoire:fibre_coverage",
            {"FIBRE": layer(territory, "fibre"), "OUTPUT": str(tmp_path / "never.gpkg")},
        )


def test_fibre_coverage_without_ftth_field(territoire_plugin, territory, tmp_path):
    from qgis import processing

    with pytest.raises(QgsProcessingException, match="“eligible” chosen for “FTTH eligibility field"):
        processing.run(
            "territoire:fibre_coverage",
            {
                "FIBRE": layer(territory, "fibre"),
                "FIELD_FTTH": "eligible",
                "ZONES": layer(territory, "communes"),
                "OUTPUT": str(tmp_path / "never.gpkg"),
            },
        )


def test_solar_potential_roofs_zones_sites(territoire_plugin, territory, tmp_path):
    from qgis import processing

    result = processing.run(
        "territoire:solar_potential",
        {
            "ROOFS": layer(territory, "solar"),
            "ZONES": layer(territory, "communes"),
            "SITES": layer(territory, "industrial_sites"),
            "TOP_N": 2,
            "OUTPUT": str(tmp_path / "roofs.gpkg"),
            "TOP_OUTPUT": str(tmp_path / "top.gpkg"),
            "ZONES_OUTPUT": str(tmp_path / "zones.gpkg"),
            "SITES_OUTPUT": str(tmp_path / "sites.gpkg"),
        },
    )
    roofs = {row["roof_id"]: row for row in features(result["OUTPUT"])}
    assert set(roofs) == {"r1", "r3", "r4"}  # r2 is residential: filtered out by default
    assert roofs["r1"]["potential_kwp"] == pytest.approx(120.0)  # 600 m² × 0.2
    assert roofs["r1"]["potential_kwh"] == pytest.approx(105_600.0)  # 120 × 1100 × 0.8
    assert roofs["r1"]["co2_avoided_t"] == pytest.approx(5.491, abs=1e-3)  # × 52 g/kWh
    assert roofs["r4"]["potential_kwh"] == pytest.approx(33_600.0)
    assert roofs["r3"]["potential_kwh"] is None and roofs["r3"]["yield_source"] is None  # no irradiation
    assert [roofs[r]["rank"] for r in ("r1", "r4", "r3")] == [1, 2, 3]
    assert [row["roof_id"] for row in features(result["TOP_OUTPUT"])] == ["r1", "r4"]
    zones = {row["code_insee"]: row for row in features(result["ZONES_OUTPUT"])}
    assert (zones["59001"]["roofs"], zones["59001"]["potential_kwh"]) == (1, 105_600.0)
    assert (zones["59002"]["roofs"], zones["59002"]["potential_kwh"]) == (2, 33_600.0)
    assert zones["59002"]["roofs_without_yield"] == 1 and zones["59003"]["roofs"] == 0
    zone_layer = QgsVectorLayer(result["ZONES_OUTPUT"], "zones", "ogr")
    assert zone_layer.loadDefaultStyle()[1]  # the per-zone classes are stored with the output
    assert zone_layer.labelsEnabled()
    drawn = {zone["code_insee"]: rule_labels_matching(zone_layer, zone) for zone in zone_layer.getFeatures()}
    assert drawn == {
        "59001": ["Moins de 1 GWh/an"],
        "59002": ["Moins de 1 GWh/an"],
        "59003": ["Aucun potentiel connu (pas de toiture retenue)"],
    }
    sites = {row["site_id"]: row for row in features(result["SITES_OUTPUT"])}
    assert sites["s1"]["roofs"] == 1
    assert sites["s1"]["share_pct"] == pytest.approx(100 * 105_600 / 139_200, abs=0.01)
    assert sites["s2"]["roofs"] == 0 and sites["s2"]["share_pct"] == 0.0


def test_solar_potential_field_mapping_and_specific_yield(territoire_plugin, territory, tmp_path):
    from qgis import processing

    renamed = tmp_path / "cadastre.gpkg"
    cadastre = gpd.read_file(territory, layer="solar").rename(
        columns={"usable_area": "surf_utile", "irradiation": "gisement", "usage": "usage_1"}
    )
    cadastre["usage_1"] = ["Industriel", "Résidentiel", "Commercial et services", "Industriel"]
    cadastre.to_file(renamed, layer="toits", driver="GPKG")
    result = processing.run(
        "territoire:solar_potential",
        {
            "ROOFS": layer(renamed, "toits"),
            "FIELD_USAGE": "usage_1",
            "FIELD_USABLE_AREA": "surf_utile",
            "FIELD_IRRADIATION": "gisement",
            "SPECIFIC_YIELD": 950,
            "USAGES": [0, 1, 2, 3],
            "OUTPUT": str(tmp_path / "roofs.gpkg"),
        },
    )
    roofs = {row["roof_id"]: row for row in features(result["OUTPUT"])}
    assert set(roofs) == {"r1", "r2", "r3", "r4"}
    assert roofs["r2"]["usage"] == "residential" and roofs["r1"]["usage"] == "industrial"
    assert roofs["r3"]["potential_kwh"] == pytest.approx(60 * 950)  # PVGIS yield, losses included
    assert roofs["r3"]["yield_source"] == "specific_yield"
    assert roofs["r1"]["potential_kwh"] == pytest.approx(105_600.0)


def test_solar_potential_without_usable_area_uses_the_roof_geometry(territoire_plugin, territory, tmp_path):
    from qgis import processing

    result = processing.run(
        "territoire:solar_potential",
        {
            "ROOFS": layer(territory, "solar"),
            "FIELD_USABLE_AREA": "",
            "FIELD_ROOF_AREA": "",
            "USABLE_SHARE": 0.5,
            "MIN_AREA": 0,
            "USAGES": [],
            "OUTPUT": str(tmp_path / "roofs.gpkg"),
        },
    )
    roofs = {row["roof_id"]: row for row in features(result["OUTPUT"])}
    assert roofs["r1"]["roof_area"] == pytest.approx(50 * 30)
    assert roofs["r1"]["usable_area"] == pytest.approx(750.0)
    assert len(roofs) == 4


def profile_parameters(territory: Path, output: Path) -> dict:
    return {
        "COMMUNES": layer(territory, "communes"),
        "FIBRE": layer(territory, "fibre"),
        "INDUSTRIAL_SITES": layer(territory, "industrial_sites"),
        "INDUSTRIAL_WASTE": layer(territory, "industrial_waste"),
        "WASTE_POINTS": layer(territory, "waste_points"),
        "DISTANCE": 5000,
        "SOLAR": layer(territory, "solar"),
        "PORT_ZONES": layer(territory, "port_zones"),
        "OUTPUT": str(output),
    }


def test_territory_profile_per_commune(territoire_plugin, territory, tmp_path):
    from qgis import processing

    result = processing.run(
        "territoire:territory_profile", profile_parameters(territory, tmp_path / "p.gpkg")
    )
    output = QgsVectorLayer(result["OUTPUT"], "profile", "ogr")
    rows = {row["zone_id"]: row for row in features(output)}
    alpha, beta, gamma = rows["59001"], rows["59002"], rows["59003"]
    assert alpha["name"] == "Alpha" and alpha["population"] == 4000
    assert (alpha["area_km2"], gamma["area_km2"]) == (4.0, 1.0)
    assert alpha["ftth_rate"] == pytest.approx(100 * 10 / 41, abs=0.01) and beta["ftth_rate"] == 100.0
    assert gamma["ftth_rate"] is None  # no premises: NULL
    assert (alpha["icpe_count"], alpha["seveso_count"], beta["icpe_count"]) == (2, 1, 0)
    assert (alpha["waste_t"], beta["waste_t"]) == (20.0, 0.0)
    assert (alpha["decheteries_near"], beta["decheteries_near"], gamma["decheteries_near"]) == (1, 1, 0)
    assert (alpha["solar_mwh"], beta["solar_mwh"], gamma["solar_mwh"]) == (55.0, 20.0, 0.0)
    assert (alpha["port_area_ha"], beta["port_area_ha"]) == (5.0, 5.0)
    assert alpha["wifi_share"] is None and alpha["wifi_share_median"] is None  # no coverage layer given
    assert alpha["population_median"] == 1000.0
    assert alpha["ftth_rate_median"] == pytest.approx((100 * 10 / 41 + 100) / 2, abs=0.01)
    assert output.wkbType() == QgsWkbTypes.Type.MultiPolygon
    assert output.featureCount() == 3


def test_territory_profile_per_epci_with_wifi(territoire_plugin, territory, tmp_path):
    from qgis import processing

    parameters = profile_parameters(territory, tmp_path / "epci.gpkg")
    parameters.update(GROUP_FIELD="epci", WIFI_COVERAGE=layer(territory, "port_zones"))
    result = processing.run("territoire:territory_profile", parameters)
    (row,) = features(result["OUTPUT"])
    assert row["zone_id"] == "E1" and row["population"] == 5300
    assert row["ftth_rate"] == pytest.approx(100 * 20 / 51, abs=0.01)
    assert row["area_km2"] == 9.0
    assert row["wifi_share"] == pytest.approx(100 * 0.1 / 9.0, abs=0.01)


def test_territory_profile_unknown_group_field(territoire_plugin, territory, tmp_path):
    from qgis import processing

    parameters = profile_parameters(territory, tmp_path / "never.gpkg")
    parameters["GROUP_FIELD"] = "region"
    with pytest.raises(QgsProcessingException):
        processing.run("territoire:territory_profile", parameters)
    assert not (tmp_path / "never.gpkg").exists()


def rule_labels_matching(output: QgsVectorLayer, feature) -> list[str]:
    """Labels of the style's leaf rules that draw ``feature`` (evaluated as QGIS renders)."""
    context = QgsRenderContext()
    context.expressionContext().appendScopes(QgsExpressionContextUtils.globalProjectLayerScopes(output))
    context.expressionContext().setFeature(feature)
    renderer = output.renderer()
    renderer.startRender(context, output.fields())
    labels = [
        rule.label()
        for rule in renderer.rootRule().descendants()
        if not rule.children() and rule.isFilterOK(feature, context)
    ]
    renderer.stopRender(context)
    return labels


@pytest.mark.parametrize(
    ("algorithm", "style"),
    [
        ("territoire:fibre_coverage", "fibre_coverage"),
        ("territoire:solar_potential", "solar_potential"),
        ("territoire:territory_profile", "territory_profile"),
    ],
)
def test_styles_fit_the_outputs(territoire_plugin, territory, tmp_path, algorithm, style):
    from qgis import processing

    from territoire_numerique.resources_paths import style_path

    parameters = {
        "territoire:fibre_coverage": {
            "FIBRE": layer(territory, "fibre"),
            "ZONES": layer(territory, "communes"),
        },
        "territoire:solar_potential": {"ROOFS": layer(territory, "solar"), "USAGES": []},
        "territoire:territory_profile": profile_parameters(territory, tmp_path / "p.gpkg"),
    }[algorithm]
    parameters["OUTPUT"] = str(tmp_path / "out.gpkg")
    output = QgsVectorLayer(processing.run(algorithm, parameters)["OUTPUT"], "out", "ogr")
    message, ok = output.loadNamedStyle(style_path(style))
    assert ok, message
    if style != "solar_potential":  # zones are labelled with their name (roofs are not)
        assert output.labelsEnabled()
    rules = output.renderer().rootRule().descendants()
    for rule in rules:
        if rule.filterExpression():
            expression = QgsExpression(rule.filterExpression())
            assert not expression.hasParserError(), rule.filterExpression()
            assert expression.referencedColumns() <= set(output.fields().names()) | {"$id"}
    key = {"fibre_coverage": "code_insee", "solar_potential": "roof_id", "territory_profile": "zone_id"}[
        style
    ]
    drawn = {
        feature.attribute(key): rule_labels_matching(output, feature) for feature in output.getFeatures()
    }
    assert all(drawn.values())  # every feature is drawn by at least one class
    if style == "fibre_coverage":
        assert drawn["59003"] == ["Aucun local (pas de donnée)"]  # NULL rate: its own class
        assert "Sous l'objectif FTTH (hachuré)" in drawn["59001"]  # 24 % < 80 %: hatched
        assert drawn["59002"] == ["95 % et plus"]
    if style == "solar_potential":
        assert "Ensoleillement inconnu" in drawn["r3"]
        assert "50 à 200 MWh/an" in drawn["r1"] and "10 meilleures toitures" in drawn["r1"]
    if style == "territory_profile":
        assert drawn["59001"] == ["FTTH sous la médiane du territoire"]
        assert drawn["59002"] == ["FTTH au-dessus de la médiane du territoire"]
        assert drawn["59003"] == ["FTTH inconnu"]


def test_gpkg_outputs_keep_style_and_provenance(territoire_plugin, territory, tmp_path):
    from qgis import processing

    output = tmp_path / "couverture.gpkg"
    processing.run(
        "territoire:fibre_coverage",
        {"FIBRE": layer(territory, "fibre"), "ZONES": layer(territory, "communes"), "OUTPUT": str(output)},
    )
    source = read_sources(output)["couverture"]
    assert source.synthetic  # the fibre input is synthetic sample data
    assert source.attribution == "ARCEP 2025 T2 ; IGN Admin Express 2018"
    assert "territoire:fibre_coverage" in source.note
    reopened = QgsVectorLayer(
        f"{output}|layername=couverture", "reopened", "ogr"
    )  # default style from the file
    labels = {rule.label() for rule in reopened.renderer().rootRule().descendants()}
    assert "Sous l'objectif FTTH (hachuré)" in labels
