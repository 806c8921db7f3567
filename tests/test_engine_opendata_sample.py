"""SOURCE=sample: tables cut to the territory, reprojected, with provenance; failures isolated."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from opendata_support import CUD, build_sample
from osgeo import gdal, ogr

from territoire_numerique.engine.errors import Cancelled, EngineError
from territoire_numerique.engine.opendata.loader import load_open_data
from territoire_numerique.engine.provenance import read_sources


@pytest.fixture(scope="module")
def sample(tmp_path_factory) -> Path:
    return build_sample(tmp_path_factory.mktemp("sample") / "sample.gpkg")


def count(path: Path, table: str) -> int:
    with sqlite3.connect(path) as connection:
        return connection.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]


def test_epci_takes_its_communes_only(sample, tmp_path):
    output = tmp_path / "cud.gpkg"
    report = load_open_data(
        CUD,
        ["boundaries", "fibre", "roads", "terrain"],
        output,
        mode="sample",
        sample_gpkg=sample,
        epci_names={CUD: "Communauté urbaine de Dunkerque"},
    )
    assert report.territory.name == "Communauté urbaine de Dunkerque"
    assert sorted(report.territory.codes) == ["59183", "59271", "59359"]
    assert all(family.ok for family in report.families), [f.summary() for f in report.families]
    assert count(output, "communes") == 3
    assert count(output, "fibre") == 6  # two buildings per CUD commune, Bergues left out
    with sqlite3.connect(output) as connection:
        per_commune = connection.execute(
            "SELECT code_insee, buildings, premises, ftth_premises, ftth_rate FROM fibre_communes "
            "ORDER BY code_insee"
        ).fetchall()
        names = {row[0] for row in connection.execute("SELECT name FROM roads")}
    assert per_commune == [(code, 2, 8, 3, 0.375) for code in ("59183", "59271", "59359")]
    assert names == {"Route de Dunkerque"}
    sources = read_sources(output)
    assert sources["communes"].licence == "Licence Ouverte 2.0"
    assert sources["fibre"].synthetic is True
    assert sources["fibre_communes"].synthetic is True
    terrain = gdal.Open(f"GPKG:{output}:terrain")
    assert terrain.RasterXSize > 10 and terrain.GetRasterBand(1).DataType == gdal.GDT_Float32


def test_commune_codes_and_target_crs(sample, tmp_path):
    output = tmp_path / "two.gpkg"
    report = load_open_data(
        "59183, 59067",
        ["boundaries", "fibre"],
        output,
        mode="sample",
        sample_gpkg=sample,
        target_crs="EPSG:3857",
    )
    assert report.territory.name == "Dunkerque, Bergues"
    dataset = ogr.Open(str(output))
    layer = dataset.GetLayerByName("communes")
    assert layer.GetSpatialRef().GetAuthorityCode(None) == "3857"
    assert layer.GetGeomType() == ogr.wkbMultiPolygon
    xmin, xmax, ymin, ymax = layer.GetExtent()
    assert 240_000 < xmin < xmax < 300_000 and 6_600_000 < ymin < ymax < 6_650_000  # Web Mercator metres
    fibre = dataset.GetLayerByName("fibre")
    assert sorted({feature.GetField("code_insee") for feature in fibre}) == ["59067", "59183"]
    ftth = fibre.GetLayerDefn().GetFieldDefn(fibre.GetLayerDefn().GetFieldIndex("ftth"))
    assert ftth.GetSubType() == ogr.OFSTBoolean


def test_a_missing_family_is_reported_and_the_others_kept(sample, tmp_path):
    output = tmp_path / "partial.gpkg"
    report = load_open_data(CUD, ["boundaries", "solar"], output, mode="sample", sample_gpkg=sample)
    by_family = {family.family: family for family in report.families}
    assert by_family["boundaries"].ok
    assert not by_family["solar"].ok and "solar" in by_family["solar"].error
    with sqlite3.connect(output) as connection:
        tables = {row[0] for row in connection.execute("SELECT table_name FROM gpkg_contents")}
    assert "solar" not in tables and {"communes", "sources"} <= tables


def test_nothing_loaded_means_no_output(sample, tmp_path):
    output = tmp_path / "none.gpkg"
    with pytest.raises(EngineError, match="No data could be loaded"):
        load_open_data(CUD, ["solar"], output, mode="sample", sample_gpkg=sample)
    assert not output.exists()


def test_cancel_leaves_no_output(sample, tmp_path):
    output = tmp_path / "cancelled.gpkg"
    calls = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) > 3

    with pytest.raises(Cancelled):
        load_open_data(
            CUD,
            ["boundaries", "fibre", "roads"],
            output,
            mode="sample",
            sample_gpkg=sample,
            cancelled=cancelled,
        )
    assert not output.exists()
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize(
    ("territory", "message"),
    [("", "No territory"), ("5918", "neither an INSEE"), ("99999", "not found"), ("200000000", "not found")],
)
def test_bad_territories(sample, tmp_path, territory, message):
    with pytest.raises(EngineError, match=message):
        load_open_data(territory, ["boundaries"], tmp_path / "x.gpkg", mode="sample", sample_gpkg=sample)
