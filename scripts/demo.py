"""`make demo`: run the main job on the bundled sample territory through real qgis_process.

Each step is one Processing algorithm run by `qgis_process.bin` with the plugin enabled in a
throw-away profile, exactly as a planner would run it in batch.  Outputs go to ``out/demo/``.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
OUT = REPO_ROOT / "out" / "demo"
GPKG = OUT / "territoire.gpkg"
SAMPLE_EPCI = "245900428"
# The centre of Dunkerque (Lambert-93): about 1 km on either side of the town hall, the study
# extent of the Wi-Fi steps; its residents are the demand ("residents of the centre").
WIFI_CENTRE = "655200,657200,7103700,7105300 [EPSG:2154]"

# Maps of the analyses: (what, file name, layers bottom to top — a table of the territory
# GeoPackage or a file of OUT —, styles by position, title, subtitle, extra parameters).
ANALYSIS_MAPS = (
    ("fibre", "fibre", ["fibre_communes.gpkg", "roads", "fibre_sites.gpkg"], "",
     "La fibre optique (FTTH) par commune", "Part des locaux raccordables et fibre aux sites industriels",
     {}),
    ("solar", "solaire", ["solaire_communes.gpkg", "roads", "solaire_top20.gpkg"], "",
     "Le potentiel solaire des toitures", "Par commune, et les 20 toitures les plus productives", {}),
    ("territory profile", "profil", ["profil_communes.gpkg", "roads"], "",
     "Profil des communes", "Indicateurs comparés à la médiane du territoire", {}),
    ("waste flows", "dechets", ["communes", "roads", "dechets_flux.gpkg", "dechets_sites.gpkg"],
     ";;waste_flows;waste_nodes", "Les flux de déchets industriels",
     "Des producteurs aux installations de traitement, par la route", {}),
    ("industrial symbiosis", "symbiose",
     ["communes", "port_zones", "roads", "symbiose_non_couverts.gpkg", "symbiose_synergies.gpkg"],
     ";;;symbiosis_unmatched;symbiosis_synergies", "La Toile de la symbiose industrielle",
     "Enquête synthétique, matières, chaleur, vapeur, eau et services : {resource_synergies[SENTENCE]}",
     {"EXTENT": "638500,663500,7095500,7107500 [EPSG:2154]"}),
    ("shared sorting platform", "plateforme_partagee",
     ["communes", "roads", "plateforme_affectations.gpkg", "plateforme_sites.gpkg"], "",
     "Où installer une plateforme de tri partagée ?",
     "Parmi les déchèteries, celle que les entreprises rejoignent le plus vite (pondéré par leurs "
     "effectifs) : {shared_facility[CHOSEN]}", {"EXTENT": "641000,661000,7097000,7107000 [EPSG:2154]"}),
    ("access to déchèteries", "decheteries",
     ["decheteries_communes.gpkg", "decheteries_zones_mal_desservies.gpkg", "roads", "waste_points"], "",
     "L'accès aux déchèteries",
     "Part des habitants à moins de 3 km d'une déchèterie par la route, et zones mal desservies", {}),
    ("Wi-Fi signal", "wifi", ["communes", "wifi_signal.tif", "roads", "wifi_hotspots"], ";wifi_rssi;;",
     "Le Wi-Fi public dans le centre de Dunkerque",
     "Aujourd'hui, {wifi_coverage[DEMAND_COVERED_PCT]:.0f} % des habitants du centre reçoivent un signal "
     "Wi-Fi exploitable devant chez eux", {"EXTENT": WIFI_CENTRE}),
    ("Wi-Fi: new hotspots", "wifi_nouvelles_bornes",
     ["communes", "wifi_signal_apres.tif", "roads", "street_furniture", "wifi_hotspots",
      "wifi_nouvelles_bornes.gpkg"], ";wifi_rssi;;;;",
     "Où installer les 10 prochaines bornes Wi-Fi ?",
     "Avec {wifi_placement[NEW_HOTSPOTS]:.0f} nouvelles bornes, "
     "{wifi_placement[COVERED_AFTER_PCT]:.0f} % des habitants du centre recevraient un signal Wi-Fi "
     "exploitable devant chez eux, contre "
     "{wifi_placement[COVERED_BEFORE_PCT]:.0f} % aujourd'hui", {"EXTENT": WIFI_CENTRE}),
    ("suitability", "aptitude", ["communes", "tiers_lieu_aptitude.tif", "roads", "tiers_lieu_sites.gpkg"],
     ";suitability;;suitability_sites", "Où ouvrir un tiers-lieu ?",
     "Aptitude multicritère (0–100) et les 5 meilleurs sites", {}),
)  # fmt: skip


def map_step(
    what: str, name: str, layers: list[str], styles: str, title: str, subtitle: str, extra: dict[str, str]
) -> tuple[str, str, dict[str, str | list[str]]]:
    """An export_map step writing ``carte_<name>.pdf``."""
    paths = [str(OUT / layer) if "." in layer else f"{GPKG}|layername={layer}" for layer in layers]
    parameters: dict[str, str | list[str]] = {
        "LAYERS": paths, "STYLES": styles, "TITLE": title, "SUBTITLE": subtitle,
        "AUTHOR": "Territoire numérique (démonstration)", **extra, "OUTPUT": str(OUT / f"carte_{name}.pdf"),
    }  # fmt: skip
    return f"Map: {what}", "territoire:export_map", parameters


# Layers of the overview map, bottom to top (GeoPackage tables of the schema).
OVERVIEW_TABLES = ("communes", "port_zones", "roads", "industrial_sites")

# One entry per step: (what it makes, algorithm id, parameters[, name of its results]).  Paths
# are strings; a list value is passed as repeated NAME=value arguments (multiple-layer
# parameters).  A later string parameter may use the results of an earlier step by name (by
# default the algorithm's, e.g. "wifi_placement"): "{wifi_placement}" is its SUMMARY sentence,
# "{wifi_placement[COVERED_AFTER_PCT]:.0f}" one of its numbers.
# Each analysis adds its step (and its map) here.
STEPS: list[tuple] = [
    (
        "Sample territory (Communauté urbaine de Dunkerque) into a GeoPackage",
        "territoire:load_open_data",
        {"TERRITORY": SAMPLE_EPCI, "SOURCE": "sample", "OUTPUT": str(GPKG)},
    ),
    (
        "Overview map (PDF)",
        "territoire:export_map",
        {
            "LAYERS": [f"{GPKG}|layername={table}" for table in OVERVIEW_TABLES],
            "TITLE": "Communauté urbaine de Dunkerque",
            "SUBTITLE": "Territoire d'exemple : communes, zones portuaires, routes et sites industriels",
            "FORMAT": "pdf",
            "OUTPUT": str(OUT / "carte_territoire.pdf"),
        },
    ),
    (
        "Overview map (PNG)",
        "territoire:export_map",
        {
            "LAYERS": [f"{GPKG}|layername={table}" for table in OVERVIEW_TABLES],
            "TITLE": "Communauté urbaine de Dunkerque",
            "SUBTITLE": "Territoire d'exemple : communes, zones portuaires, routes et sites industriels",
            "FORMAT": "png",
            "DPI": "150",
            "OUTPUT": str(OUT / "carte_territoire.png"),
        },
    ),
    # --- analysis steps: add yours below this line (keep this marker) ---
    (
        "Site suitability for a tiers-lieu (saved JSON model): 0–100 raster and the 5 best sites explained",
        "territoire:site_suitability",
        {
            "MODEL": str(REPO_ROOT / "resources" / "models" / "tiers_lieu_cud.json"),
            "CELL_SIZE": "10",
            "N_SITES": "5",
            "MIN_AREA": "5000",
            "MIN_SPACING": "1000",
            "SENSITIVITY": "100",
            "PERTURBATION": "20",
            "OUTPUT": str(OUT / "tiers_lieu_aptitude.tif"),
            "SITES": str(OUT / "tiers_lieu_sites.gpkg"),
        },
    ),
    (
        "Wi-Fi coverage of the existing public hotspots of Dunkerque centre (signal, best server, shares)",
        "territoire:wifi_coverage",
        {
            "HOTSPOTS": f"{GPKG}|layername=wifi_hotspots|subset=code_insee='59183'",
            "BUILDINGS": f"{GPKG}|layername=buildings",
            "DEMAND": f"{GPKG}|layername=buildings|subset=code_insee='59183'",
            "ZONES": f"{GPKG}|layername=communes|subset=code_insee='59183'",
            "EXTENT": WIFI_CENTRE,
            "RSSI": str(OUT / "wifi_signal.tif"),
            "BEST_SERVER": str(OUT / "wifi_meilleur_serveur.tif"),
            "COVERAGE": str(OUT / "wifi_couverture.gpkg"),
            "HOTSPOT_STATS": str(OUT / "wifi_bornes.gpkg"),
            "ZONE_STATS": str(OUT / "wifi_communes.gpkg"),
        },
    ),
    (
        "Wi-Fi candidate sites: public buildings without Wi-Fi and street furniture, in one layer",
        "native:mergevectorlayers",
        {
            "LAYERS": [
                f"{GPKG}|layername=public_buildings|subset=has_wifi=0",
                f"{GPKG}|layername=street_furniture",
            ],
            "CRS": "EPSG:2154",
            "OUTPUT": str(OUT / "wifi_candidats.gpkg"),
        },
    ),
    (
        "Wi-Fi: 10 more hotspots among the candidate sites, existing ones kept",
        "territoire:wifi_placement",
        {
            "CANDIDATES": str(OUT / "wifi_candidats.gpkg"),
            "CANDIDATE_ID_FIELD": "name",
            "CANDIDATE_HEIGHT_FIELD": "height_m",
            "EXISTING": f"{GPKG}|layername=wifi_hotspots|subset=code_insee='59183'",
            "DEMAND": f"{GPKG}|layername=buildings|subset=code_insee='59183'",
            "BUILDINGS": f"{GPKG}|layername=buildings",
            "EXTENT": WIFI_CENTRE,
            "COUNT": "10",
            "SELECTED": str(OUT / "wifi_nouvelles_bornes.gpkg"),
            "CURVE": str(OUT / "wifi_courbe.gpkg"),
            "UNCOVERED": str(OUT / "wifi_non_couverts.gpkg"),
        },
    ),
    (
        "Wi-Fi hotspots after: the existing ones and the 10 new ones, in one layer",
        "native:mergevectorlayers",
        {
            "LAYERS": [
                f"{GPKG}|layername=wifi_hotspots|subset=code_insee='59183'",
                str(OUT / "wifi_nouvelles_bornes.gpkg"),
            ],
            "CRS": "EPSG:2154",
            "OUTPUT": str(OUT / "wifi_bornes_apres.gpkg"),
        },
    ),
    (
        "Wi-Fi coverage with the new hotspots (the map of the signal after)",
        "territoire:wifi_coverage",
        {
            "HOTSPOTS": str(OUT / "wifi_bornes_apres.gpkg"),
            "BUILDINGS": f"{GPKG}|layername=buildings",
            "DEMAND": f"{GPKG}|layername=buildings|subset=code_insee='59183'",
            "EXTENT": WIFI_CENTRE,
            "RSSI": str(OUT / "wifi_signal_apres.tif"),
            "BEST_SERVER": str(OUT / "wifi_meilleur_serveur_apres.tif"),
            "COVERAGE": str(OUT / "wifi_couverture_apres.gpkg"),
            "HOTSPOT_STATS": str(OUT / "wifi_bornes_apres_stats.gpkg"),
        },
        "wifi_coverage_after",
    ),
    (
        "Fibre coverage per commune (FTTH rate, communes below 80 %, fibre at industrial sites)",
        "territoire:fibre_coverage",
        {
            "FIBRE": f"{GPKG}|layername=fibre",
            "ZONES": f"{GPKG}|layername=communes",
            "TARGET": "80",
            "SITES": f"{GPKG}|layername=industrial_sites",
            "OUTPUT": str(OUT / "fibre_communes.gpkg"),
            "SITES_OUTPUT": str(OUT / "fibre_sites.gpkg"),
        },
    ),
    (
        "Fibre gaps on a 500 m hexagon grid",
        "territoire:fibre_coverage",
        {
            "FIBRE": f"{GPKG}|layername=fibre",
            "ZONES": f"{GPKG}|layername=communes",
            "ZONE_TYPE": "2",
            "CELL_SIZE": "500",
            "TARGET": "80",
            "OUTPUT": str(OUT / "fibre_hexagones.gpkg"),
        },
    ),
    (
        "Rooftop solar potential of industrial, commercial and public roofs, per commune and site",
        "territoire:solar_potential",
        {
            "ROOFS": f"{GPKG}|layername=solar",
            "ZONES": f"{GPKG}|layername=communes",
            "SITES": f"{GPKG}|layername=industrial_sites",
            "SPECIFIC_YIELD": "950",  # kWh/kWp/yr, order of the PVGIS yield at Dunkerque
            "TOP_N": "20",
            "OUTPUT": str(OUT / "solaire_toitures.gpkg"),
            "TOP_OUTPUT": str(OUT / "solaire_top20.gpkg"),
            "ZONES_OUTPUT": str(OUT / "solaire_communes.gpkg"),
            "SITES_OUTPUT": str(OUT / "solaire_sites.gpkg"),
        },
    ),
    (
        "Profile per commune with the territory median",
        "territoire:territory_profile",
        {
            "COMMUNES": f"{GPKG}|layername=communes",
            "FIBRE": f"{GPKG}|layername=fibre",
            "INDUSTRIAL_SITES": f"{GPKG}|layername=industrial_sites",
            "INDUSTRIAL_WASTE": f"{GPKG}|layername=industrial_waste",
            "WASTE_POINTS": f"{GPKG}|layername=waste_points",
            "SOLAR": str(OUT / "solaire_toitures.gpkg"),
            "PORT_ZONES": f"{GPKG}|layername=port_zones",
            "OUTPUT": str(OUT / "profil_communes.gpkg"),
        },
    ),
    (
        "Industrial waste flows along the roads, synergies, closure of the largest receiver (WF03)",
        "territoire:waste_flows",
        {
            "PRODUCERS": f"{GPKG}|layername=industrial_waste",
            "RECEIVERS": f"{GPKG}|layername=waste_facilities",
            "DISTANCE": "1",
            "ROADS": f"{GPKG}|layername=roads",
            "SNAP_TOLERANCE": "3500",  # the sample's facilities sit inside port zones, up to 3 km from a road
            "MAX_DISTANCE_M": "60000",
            "REMOVE_SITES": "WF03",
            "TERRITORY": f"{GPKG}|layername=communes",
            "FLOWS": str(OUT / "dechets_flux.gpkg"),
            "NODES": str(OUT / "dechets_sites.gpkg"),
            "UNALLOCATED": str(OUT / "dechets_non_affectes.gpkg"),
            "SYNERGIES": str(OUT / "dechets_synergies.gpkg"),
            "SUMMARY": str(OUT / "dechets_bilan.gpkg"),
        },
    ),
    (
        "Residents' access to déchèteries along the roads (3 km), per commune, underserved areas",
        "territoire:waste_access",
        {
            "DEMAND": f"{GPKG}|layername=buildings",
            "FACILITIES": f"{GPKG}|layername=waste_points",
            "KINDS": "decheterie",
            "DISTANCE": "1",
            "ROADS": f"{GPKG}|layername=roads",
            # the sample's synthetic roads are main roads and the streets of dense centres only:
            # a building up to 1 km from them joins them straight (that walk counts in its distance)
            "SNAP_TOLERANCE": "1000",
            "THRESHOLD_M": "3000",
            "COMMUNES": f"{GPKG}|layername=communes",
            "OUTPUT": str(OUT / "decheteries_acces.gpkg"),
            "COMMUNES_OUTPUT": str(OUT / "decheteries_communes.gpkg"),
            "UNDERSERVED": str(OUT / "decheteries_zones_mal_desservies.gpkg"),
        },
    ),
    (
        "Industrial symbiosis: the synthetic survey of the sample into synergies of every resource (roads)",
        "territoire:resource_synergies",
        {
            "SURVEY": str(REPO_ROOT / "resources" / "sample" / "symbiosis_survey.gpkg"),
            "PLACES": [f"{GPKG}|layername=industrial_sites"],
            "DISTANCE": "1",
            "ROADS": f"{GPKG}|layername=roads",
            "SNAP_TOLERANCE": "3500",  # as for the waste flows: sites inside port zones are far from roads
            "SYNERGIES": str(OUT / "symbiose_synergies.gpkg"),
            "BALANCE": str(OUT / "symbiose_bilan.gpkg"),
            "UNMATCHED": str(OUT / "symbiose_non_couverts.gpkg"),
            "PROBLEMS": str(OUT / "symbiose_lignes_ecartees.gpkg"),
            "SUMMARY": str(OUT / "symbiose_synthese.gpkg"),
            "FACTORS": str(OUT / "symbiose_facteurs.gpkg"),
        },
    ),
    (
        "Industrial symbiosis: closure of ArcelorMittal France (what breaks)",
        "territoire:resource_synergies",
        {
            "SURVEY": str(REPO_ROOT / "resources" / "sample" / "symbiosis_survey.gpkg"),
            "PLACES": [f"{GPKG}|layername=industrial_sites"],
            "DISTANCE": "1",
            "ROADS": f"{GPKG}|layername=roads",
            "SNAP_TOLERANCE": "3500",
            "CLOSURE": "ArcelorMittal France",
            "SYNERGIES": str(OUT / "symbiose_fermeture_synergies.gpkg"),
            "BALANCE": str(OUT / "symbiose_fermeture_bilan.gpkg"),
            "UNMATCHED": str(OUT / "symbiose_fermeture_non_couverts.gpkg"),
            "PROBLEMS": str(OUT / "symbiose_fermeture_lignes_ecartees.gpkg"),
            "SUMMARY": str(OUT / "symbiose_fermeture_synthese.gpkg"),
            "FACTORS": str(OUT / "symbiose_fermeture_facteurs.gpkg"),
        },
        "resource_synergies_closure",
    ),
    (
        "Shared sorting platform: the déchèterie nearest to the survey's companies, weighted by staff",
        "territoire:shared_facility",
        {
            "SURVEY": str(REPO_ROOT / "resources" / "sample" / "symbiosis_survey.gpkg"),
            "SERVICE": "waste_platform",
            "CANDIDATES": f"{GPKG}|layername=waste_points|subset=kind='decheterie'",
            "CANDIDATE_ID_FIELD": "name",
            "DISTANCE": "1",
            "ROADS": f"{GPKG}|layername=roads",
            "SNAP_TOLERANCE": "3500",  # companies inside the port zones are far from the sample's roads
            "THRESHOLD": "10",
            "THRESHOLD_UNIT": "minutes",
            "SPEED": "30",
            "SITES": str(OUT / "plateforme_sites.gpkg"),
            "ASSIGNMENTS": str(OUT / "plateforme_affectations.gpkg"),
            "SUMMARY": str(OUT / "plateforme_synthese.gpkg"),
        },
    ),
    # --- maps for elected officials: one per analysis, then the atlas and the decision dossier ---
    *[map_step(*entry) for entry in ANALYSIS_MAPS],
    (
        "Atlas of the communes: a page each, its profile beside the territory's median",
        "territoire:export_map",
        {
            "LAYERS": [
                str(OUT / "profil_communes.gpkg"),
                f"{GPKG}|layername=roads",
                f"{GPKG}|layername=industrial_sites",
            ],
            "TITLE": "Atlas des communes : chaque commune comparée à la médiane du territoire",
            "ATLAS_LAYER": str(OUT / "profil_communes.gpkg"),
            "ATLAS_TITLE_FIELD": "name",
            "OUTPUT": str(OUT / "atlas_communes.pdf"),
        },
    ),
    (
        "Synergy dossier: the Toile, then a page per proposed synergy (confidential actors not named)",
        "territoire:synergy_dossier",
        {
            "SYNERGIES": str(OUT / "symbiose_synergies.gpkg"),
            "FACTORS": str(OUT / "symbiose_facteurs.gpkg"),
            "CONTEXT_LAYERS": [f"{GPKG}|layername={table}" for table in ("communes", "port_zones", "roads")],
            "SUBTITLE": "Enquête synthétique auprès des acteurs du territoire",
            "TERRITORY": "Communauté urbaine de Dunkerque",
            "AUTHOR": "Territoire numérique (démonstration)",
            "OUTPUT": str(OUT / "dossier_synergies.pdf"),
        },
    ),
    (
        "Decision dossier: where to open a tiers-lieu (cover, map, one page per site, method, sources)",
        "territoire:decision_dossier",
        {
            "SITES": str(OUT / "tiers_lieu_sites.gpkg"),
            "SUITABILITY": str(OUT / "tiers_lieu_aptitude.tif"),
            "MODEL": str(REPO_ROOT / "resources" / "models" / "tiers_lieu_cud.json"),
            "CONTEXT_LAYERS": [f"{GPKG}|layername={table}" for table in ("communes", "roads", "port_zones")],
            "FIBRE": f"{GPKG}|layername=fibre",
            "PORT_ZONES": f"{GPKG}|layername=port_zones",
            "WASTE_OUTLETS": f"{GPKG}|layername=waste_points",
            "TITLE": "Où ouvrir un tiers-lieu ?",
            "SUBTITLE": "Cinq sites candidats comparés sur six critères",
            "TERRITORY": "Communauté urbaine de Dunkerque",
            "AUTHOR": "Territoire numérique (démonstration)",
            "OUTPUT": str(OUT / "dossier_tiers_lieu.pdf"),
        },
    ),
]


class StepResults(dict):
    """A step's results: formatted as is, its SUMMARY sentence; indexed, its outputs."""

    def __format__(self, spec: str) -> str:
        return format(str(self.get("SUMMARY", "")), spec)


def qgis_environment(profile: Path, plugin_parent: Path) -> dict[str, str]:
    environment = dict(os.environ)
    environment.update(
        {
            "QGIS_PLUGINPATH": str(plugin_parent),
            "QGIS_CUSTOM_CONFIG_PATH": str(profile),
            "QT_QPA_PLATFORM": "offscreen",
            "QGIS_PREFIX_PATH": "/usr",
        }
    )
    return environment


def french_profile(profile: Path) -> None:
    """A throw-away QGIS profile in French, as a French planner's QGIS is (layer titles, messages)."""
    settings = profile / "profiles" / "default" / "QGIS" / "QGIS3.ini"
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text("[locale]\noverrideFlag=true\nuserLocale=fr_FR\n", encoding="utf-8")


def link_plugin(plugin_parent: Path) -> None:
    """Make the checkout loadable as the `territoire_numerique` plugin, whatever its folder name."""
    plugin_parent.mkdir(parents=True, exist_ok=True)
    link = plugin_parent / "territoire_numerique"
    if not link.exists():
        link.symlink_to(REPO_ROOT, target_is_directory=True)


def run_step(
    title: str, algorithm: str, parameters: dict[str, str | list[str]], environment: dict[str, str]
) -> dict:
    arguments = ["/usr/bin/qgis_process.bin", "run", algorithm, "--json", "--"]
    for name, value in parameters.items():
        arguments += [f"{name}={item}" for item in value] if isinstance(value, list) else [f"{name}={value}"]
    started = time.monotonic()
    completed = subprocess.run(arguments, env=environment, capture_output=True, text=True, check=False)
    seconds = time.monotonic() - started
    if completed.returncode != 0:
        sys.stderr.write(completed.stdout[-4000:] + completed.stderr[-4000:])
        raise SystemExit(f"demo step failed: {title} ({algorithm})")
    result = json.loads(completed.stdout[completed.stdout.index("{") :])
    print(f"  ✓ {title} — {algorithm} in {seconds:.1f} s")
    return result.get("results", {})


def main() -> None:
    if OUT.exists():
        shutil.rmtree(OUT)
    OUT.mkdir(parents=True)
    plugin_parent = REPO_ROOT / ".build" / "pkg"
    link_plugin(plugin_parent)
    profile = REPO_ROOT / ".build" / "demo-profile"
    shutil.rmtree(profile, ignore_errors=True)
    french_profile(profile)
    environment = qgis_environment(profile, plugin_parent)
    subprocess.run(
        ["/usr/bin/qgis_process.bin", "plugins", "enable", "territoire_numerique"],
        env=environment,
        check=True,
        capture_output=True,
    )
    print("Territoire numérique demo — sample territory: Communauté urbaine de Dunkerque")
    earlier: dict[str, StepResults] = {}  # each step's results, usable as "{<name>}" later
    for title, algorithm, parameters, *named in STEPS:
        filled = {
            name: value.format(**earlier) if isinstance(value, str) and "{" in value else value
            for name, value in parameters.items()
        }
        results = run_step(title, algorithm, filled, environment)
        earlier[named[0] if named else algorithm.split(":")[1]] = StepResults(results)
    print("\nMaps and data are in:", OUT)
    for path in sorted(OUT.iterdir()):
        if path.is_file():
            print("  ", path)


if __name__ == "__main__":
    main()
