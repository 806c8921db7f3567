"""territoire:symbiosis_template and territoire:resource_synergies through Processing, and the
bad-input survey through the real qgis_process."""

from __future__ import annotations

import csv
import json
import os
import sqlite3
import subprocess
from pathlib import Path

import geopandas as gpd
import pytest
from shapely.geometry import LineString, Point

pytestmark = pytest.mark.qgis

REPO_ROOT = Path(__file__).resolve().parents[1]
X0, Y0 = 650_000.0, 7_100_000.0
KM = 1000.0
HEADER = ["actor", "site", "siret", "role", "resource", "spec", "quantity", "unit", "season", "confidential",
          "address", "notes", "x", "y"]  # fmt: skip


def row(actor, role, resource, spec, quantity, unit, x_km=None, y_km=0.0, **extra) -> dict:
    x, y = ("", "") if x_km is None else (X0 + x_km * KM, Y0 + y_km * KM)
    values = {"actor": actor, "role": role, "resource": resource, "spec": spec, "quantity": quantity,
              "unit": unit, "x": x, "y": y}  # fmt: skip
    return {**values, **extra}


GOOD = [
    row("Aciérie", "offer", "heat", "150", 20000, "MWh/yr", 0),
    row("Réseau de chaleur", "need", "heat", "90", 12000, "MWh/an", 2),
    row("Incinérateur", "offer", "steam", "12 bar 220 °C", 5000, "MWh/yr", 0, 1),
    row("Distillerie", "need", "steam", "8 bar", 4000, "MWh", None, site="Distillerie du Port"),
    row("STEP", "offer", "water", "treated_wastewater", 300000, "m3/yr", 3),
    row("Chimie", "need", "water", "process", 200000, "m³/an", 4, confidential="true"),
    row("Aciérie", "offer", "waste", "10 02 01", 50000, "t/yr", 0),
    row("Cimenterie", "need", "waste", "10 02 *", 40000, "t/an", 5),
    row("Zone", "need", "service", "restaurant", 60, "people", 1),
    row("Cantine", "offer", "service", "restaurant", 200, "personnes", 1.5),
]
BAD = [
    row("Unités", "offer", "heat", "90", 100, "t/yr", 1),
    row("Négatif", "need", "water", "process", -5, "m3/yr", 1),
    row("Classe", "need", "water", "eau de mer", 100, "m3/yr", 1),
    row("Ressource", "offer", "gas", "CH4", 100, "MWh/yr", 1),
    row("Sans lieu", "need", "heat", "60", 100, "MWh/yr", None, siret="99999999999999", site="Inconnu"),
]


def write_survey(path: Path, rows: list[dict]) -> Path:
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, HEADER)
        writer.writeheader()
        writer.writerows(rows)
    return path


@pytest.fixture(scope="module")
def places(tmp_path_factory) -> str:
    """An IREP-like layer (name, siret) and roads."""
    path = str(tmp_path_factory.mktemp("places") / "places.gpkg")
    sites = gpd.GeoDataFrame(
        {"site_id": ["S1"], "name": ["DISTILLERIE DU PORT"], "siret": ["12345678900011"]},
        geometry=[Point(X0 + 0.5 * KM, Y0 + 1.5 * KM)],
        crs="EPSG:2154",
    )
    sites.to_file(path, layer="industrial_sites", driver="GPKG")
    roads = gpd.GeoDataFrame(
        {"road_id": [1]}, geometry=[LineString([(X0 - KM, Y0), (X0 + 6 * KM, Y0)])], crs="EPSG:2154"
    )
    roads.to_file(path, layer="roads", driver="GPKG")
    return path


def parameters(survey: Path, places: str, out: Path, **extra) -> dict:
    out.mkdir(exist_ok=True)
    values = {
        "SURVEY": str(survey),
        "PLACES": [f"{places}|layername=industrial_sites"],
        "SYNERGIES": str(out / "synergies.gpkg"),
        "BALANCE": str(out / "balance.gpkg"),
        "UNMATCHED": str(out / "unmatched.gpkg"),
        "PROBLEMS": str(out / "problems.gpkg"),
        "SUMMARY": str(out / "summary.gpkg"),
        "FACTORS": str(out / "factors.gpkg"),
    }
    values.update(extra)
    return values


def test_template_then_synergies(territoire_plugin, places, tmp_path) -> None:
    from qgis import processing

    made = processing.run("territoire:symbiosis_template", {"OUTPUT": str(tmp_path / "enquete.gpkg")})
    assert Path(made["CSV_OUTPUT"]).is_file() and Path(made["XLSX_OUTPUT"]).is_file()
    with pytest.raises(Exception, match="exists"):
        processing.run("territoire:symbiosis_template", {"OUTPUT": str(tmp_path / "enquete.gpkg")})
    survey = write_survey(Path(made["CSV_OUTPUT"]).with_name("rempli.csv"), GOOD)
    result = processing.run("territoire:resource_synergies", parameters(survey, places, tmp_path))
    synergies = gpd.read_file(result["SYNERGIES"])
    pairs = {(s.offer_actor, s.need_actor): s.delivered for s in synergies.itertuples()}
    assert set(pairs) == {
        ("Aciérie", "Réseau de chaleur"),
        ("Incinérateur", "Distillerie"),  # placed by its site name through the IREP-like layer
        ("STEP", "Confidential actor 1"),
        ("Aciérie", "Cimenterie"),
        ("Cantine", "Zone"),
    }
    assert pairs[("Aciérie", "Réseau de chaleur")] == pytest.approx(12000.0)
    assert all(len(g.coords) == 3 for g in synergies.geometry)
    assert "Chimie" not in repr(gpd.read_file(result["BALANCE"]).to_dict())
    summary = gpd.read_file(result["SUMMARY"])
    co2 = summary[(summary.resource == "heat") & (summary.indicator == "CO2 avoided")].iloc[0]
    assert co2.baseline == pytest.approx(12000 * 0.252, rel=1e-3) and "ADEME" in co2.source
    with sqlite3.connect(result["SYNERGIES"]) as connection:
        note, styles = connection.execute(
            "SELECT note, (SELECT count(*) FROM layer_styles) FROM sources"
        ).fetchone()
    assert "heat co2_t_per_unit = 0.252" in note and styles == 1
    # closure: the steelworks closes, the heat network and the cement works lose their supply
    closed = processing.run(
        "territoire:resource_synergies", parameters(survey, places, tmp_path / "c", CLOSURE="Aciérie")
    )
    unmatched = gpd.read_file(closed["UNMATCHED"])
    lost = set(unmatched[unmatched.reason == "lost its supply (closure scenario)"].actor)
    assert lost == {"Réseau de chaleur", "Cimenterie"}
    # along the roads the steam need (1.5 km off the road) is beyond reach of the 3 km steam limit
    roads = processing.run(
        "territoire:resource_synergies",
        parameters(
            survey, places, tmp_path / "r", DISTANCE=1, ROADS=f"{places}|layername=roads", SNAP_TOLERANCE=2000
        ),
    )
    far = gpd.read_file(roads["SYNERGIES"])
    assert (far.km > 0).all() and not ((far.resource == "steam") & (far.km > 3)).any()


def qgis_process(arguments: list[str], tmp_path: Path) -> subprocess.CompletedProcess:
    profile = tmp_path / "profile"
    environment = dict(
        os.environ,
        QGIS_PLUGINPATH=str(REPO_ROOT / ".build" / "pkg"),
        QGIS_CUSTOM_CONFIG_PATH=str(profile),
        QT_QPA_PLATFORM="offscreen",
    )
    if profile.exists():
        return subprocess.run(
            ["/usr/bin/qgis_process.bin", *arguments],
            env=environment,
            capture_output=True,
            text=True,
            timeout=300,
        )
    enabled = subprocess.run(
        ["/usr/bin/qgis_process.bin", "plugins", "enable", "territoire_numerique"],
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert enabled.returncode == 0, enabled.stdout + enabled.stderr
    return subprocess.run(
        ["/usr/bin/qgis_process.bin", *arguments],
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_bad_survey_rows_are_reported_through_qgis_process(places, tmp_path) -> None:
    survey = write_survey(tmp_path / "survey.csv", GOOD[:2] + BAD)
    values = parameters(survey, places, tmp_path)
    arguments = ["run", "territoire:resource_synergies", "--json", "--"]
    for name, value in values.items():
        arguments += [f"{name}={item}" for item in value] if isinstance(value, list) else [f"{name}={value}"]
    completed = qgis_process(arguments, tmp_path)
    assert completed.returncode == 0, completed.stdout[-3000:] + completed.stderr[-3000:]
    output = json.loads(completed.stdout[completed.stdout.index("{") :])
    problems = gpd.read_file(output["results"]["PROBLEMS"])
    assert sorted(zip(problems.actor, problems.problem)) == sorted(
        [
            ("Unités", "unit does not fit the resource"),
            ("Négatif", "negative or zero quantity"),
            ("Classe", "unknown class or unreadable spec for this resource"),
            ("Ressource", "unknown resource"),
            ("Sans lieu", "no point, and neither SIRET nor site name found in the ICPE / IREP layers"),
        ]
    )
    assert list(problems["row"]) == [3, 4, 5, 6, 7]
    log = completed.stdout + completed.stderr
    assert "7 rows read, 2 usable, 5 set aside" in log
    assert len(gpd.read_file(output["results"]["SYNERGIES"])) == 1
    # only bad rows: every output is written, the rows set aside are listed
    only_bad = parameters(write_survey(tmp_path / "bad_only.csv", BAD), places, tmp_path / "bad_only")
    arguments = ["run", "territoire:resource_synergies", "--json", "--"]
    for name, value in only_bad.items():
        arguments += [f"{name}={item}" for item in value] if isinstance(value, list) else [f"{name}={value}"]
    completed = qgis_process(arguments, tmp_path)
    assert completed.returncode == 0, completed.stdout[-3000:] + completed.stderr[-3000:]
    assert "no usable row" in completed.stdout + completed.stderr
    assert len(gpd.read_file(only_bad["PROBLEMS"])) == len(BAD)
    assert len(gpd.read_file(only_bad["SYNERGIES"])) == 0
    # a survey without the required columns is refused in words, nothing written
    (tmp_path / "bad.csv").write_text("nom,valeur\nA,1\n", encoding="utf-8")
    arguments = ["run", "territoire:resource_synergies", "--"]
    for name, value in parameters(tmp_path / "bad.csv", places, tmp_path / "refused").items():
        arguments += [f"{name}={item}" for item in value] if isinstance(value, list) else [f"{name}={value}"]
    refused = qgis_process(arguments, tmp_path)
    assert refused.returncode != 0 and "has no table with a role field" in refused.stdout + refused.stderr
    assert not list((tmp_path / "refused").iterdir())


def test_shared_facility_from_a_layer_and_from_the_survey(territoire_plugin, places, tmp_path) -> None:
    from qgis import processing

    path = str(tmp_path / "facility.gpkg")
    actors = gpd.GeoDataFrame(
        {"name": ["A", "B", "C"], "people": [10.0, 5.0, 40.0]},
        geometry=[Point(X0, Y0), Point(X0 + 2 * KM, Y0), Point(X0 + 5 * KM, Y0)],
        crs="EPSG:2154",
    )
    candidates = gpd.GeoDataFrame(
        {"site": ["west", "middle", "east"]},
        geometry=[
            Point(X0 + 0.5 * KM, Y0 + 100),
            Point(X0 + 2 * KM, Y0 + 100),
            Point(X0 + 4.5 * KM, Y0 + 100),
        ],
        crs="EPSG:2154",
    )
    actors.to_file(path, layer="actors", driver="GPKG")
    candidates.to_file(path, layer="candidates", driver="GPKG")
    common = {
        "CANDIDATES": f"{path}|layername=candidates",
        "CANDIDATE_ID_FIELD": "site",
        "DISTANCE": 1,
        "ROADS": f"{places}|layername=roads",
        "THRESHOLD": 10,
        "THRESHOLD_UNIT": 1,  # minutes at 30 km/h: 5 km
        "SITES": str(tmp_path / "sites.gpkg"),
        "ASSIGNMENTS": str(tmp_path / "assignments.gpkg"),
        "SUMMARY": str(tmp_path / "summary.gpkg"),
    }
    result = processing.run(
        "territoire:shared_facility",
        {**common, "ACTORS": f"{path}|layername=actors", "NAME_FIELD": "name", "WEIGHT_FIELD": "people"},
    )
    assert result["CHOSEN"] == "east"  # 40 people at C outweigh A and B
    sites = gpd.read_file(result["SITES"]).sort_values("rank")
    assert list(sites.site_id) == ["east", "middle", "west"] and sites.chosen.tolist() == [True, False, False]
    assignments = gpd.read_file(result["ASSIGNMENTS"])
    assert assignments.set_index("actor").distance_m["C"] == pytest.approx(500 + 100, abs=1)
    assert bool(assignments.set_index("actor")["within"]["A"]) is True  # 4.5 km + 0.2 km in 9.4 minutes
    two = processing.run(
        "territoire:shared_facility",
        {**common, "ACTORS": f"{path}|layername=actors", "WEIGHT_FIELD": "people", "COUNT": 2,
         "SITES": str(tmp_path / "sites2.gpkg"), "ASSIGNMENTS": str(tmp_path / "a2.gpkg"),
         "SUMMARY": str(tmp_path / "s2.gpkg")},
    )  # fmt: skip
    assert set(two["CHOSEN"].split(", ")) == {"west", "east"}
    survey = write_survey(tmp_path / "survey.csv", GOOD)
    from_survey = processing.run(
        "territoire:shared_facility",
        {**common, "SURVEY": str(survey), "SERVICE": "Restaurant", "SITES": str(tmp_path / "s3.gpkg"),
         "ASSIGNMENTS": str(tmp_path / "a3.gpkg"), "SUMMARY": str(tmp_path / "m3.gpkg")},
    )  # fmt: skip
    assert from_survey["CHOSEN"] == "west"  # the one need for a restaurant is at 1 km
    # the maximum distance in km (older scripts, hidden parameter) or in metres: the same run
    limited = {}
    in_km, in_metres = {"MAX_DISTANCE": 3}, {"MAX_DISTANCE_M": 3000.0, "THRESHOLD_UNIT": "minutes"}
    for unit, limit in (("km", in_km), ("m", in_metres)):
        run = processing.run(
            "territoire:shared_facility",
            {**common, "ACTORS": f"{path}|layername=actors", "WEIGHT_FIELD": "people", **limit,
             "SITES": str(tmp_path / f"sites_{unit}.gpkg"), "ASSIGNMENTS": str(tmp_path / f"a_{unit}.gpkg"),
             "SUMMARY": str(tmp_path / f"s_{unit}.gpkg")},
        )  # fmt: skip
        sites = gpd.read_file(run["SITES"]).sort_values("site_id")
        limited[unit] = (run["CHOSEN"], sites.unserved_weight.tolist())
    assert limited["km"] == limited["m"]
    assert sum(limited["m"][1]) > 0  # the limit leaves actors unserved


def test_sample_survey_shows_every_resource_and_says_synthetic(territoire_plugin, tmp_path) -> None:
    from qgis import processing

    sample = REPO_ROOT / "resources" / "sample"
    result = processing.run(
        "territoire:resource_synergies",
        parameters(sample / "symbiosis_survey.gpkg", str(sample / "territoire_sample.gpkg"), tmp_path),
    )
    synergies = gpd.read_file(result["SYNERGIES"])
    assert set(synergies.resource) == {"waste", "material", "heat", "steam", "water", "service"}
    problems = gpd.read_file(result["PROBLEMS"])
    assert list(problems.problem) == ["unit does not fit the resource"]
    assert {"Ryssen Alcools", "Ecocem", "Aquanord"} <= set(synergies.need_actor)  # Ryssen placed by name
    assert "Chimie du port (fictif)" not in set(synergies.need_actor)  # confidential
    with sqlite3.connect(result["SYNERGIES"]) as connection:
        (synthetic,) = connection.execute("SELECT synthetic FROM sources").fetchone()
    assert synthetic == 1


def test_synergy_dossier_has_a_page_per_synergy_and_hides_confidential_actors(
    territoire_plugin, places, tmp_path
) -> None:
    from qgis import processing

    survey = write_survey(tmp_path / "survey.csv", GOOD)
    synergies = processing.run(
        "territoire:resource_synergies", parameters(survey, places, tmp_path, SHOW_CONFIDENTIAL=True)
    )
    assert "Chimie" in set(gpd.read_file(synergies["SYNERGIES"]).need_actor)  # named in the layer
    result = processing.run(
        "territoire:synergy_dossier",
        {
            "SYNERGIES": synergies["SYNERGIES"],
            "FACTORS": synergies["FACTORS"],
            "CONTEXT_LAYERS": [f"{places}|layername=roads"],
            "TERRITORY": "Test",
            "OUTPUT": str(tmp_path / "dossier.pdf"),
        },
    )
    text = subprocess.run(
        ["pdftotext", result["OUTPUT"], "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = text.count("\f")
    assert pages == 2 + 5 + 1  # cover, the Toile, 5 synergies, factors
    assert "Chimie" not in text  # never printed by name unless asked
    assert "STEP" in text and "Distillerie" in text
    shown = processing.run(
        "territoire:synergy_dossier",
        {
            "SYNERGIES": synergies["SYNERGIES"],
            "SHOW_CONFIDENTIAL": True,
            "OUTPUT": str(tmp_path / "named.pdf"),
        },
    )
    named = subprocess.run(
        ["pdftotext", shown["OUTPUT"], "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Chimie" in named and named.count("\f") == 2 + 5
