"""Write ``resources/sample/symbiosis_survey.gpkg``: a SYNTHETIC symbiosis survey of the sample
territory (Communauté urbaine de Dunkerque), for the demo and the docs.

Real actor names appear only where the exchange is public (AGUR's Toile industrielle and the
press: ArcelorMittal's heat to the Dunkerque heat network and its slag to Ecocem, Indaver's steam
to Ryssen, the warm seawater of the Gravelines nuclear plant to the Aquanord fish farm); their
quantities, temperatures and seasons are invented, and the positions of actors absent from the
sample's industrial_sites layer are approximate.  Every other actor is fictitious and says so
("fictif").  One row is wrong on purpose (a unit that does not fit its resource) to show the
survey checks.  Run: ``.venv/bin/python scripts/make_symbiosis_sample.py`` (the file is committed).
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from osgeo import ogr

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT / ".build" / "pkg"))

from territoire_numerique.engine.provenance import Source, write_sources  # noqa: E402
from territoire_numerique.engine.symbiosis_survey import write_template  # noqa: E402

TARGET = REPO_ROOT / "resources" / "sample" / "symbiosis_survey.gpkg"
PUBLIC = "lien public (Toile industrielle AGUR, presse) ; quantités et saisons inventées"

# actor, site, siret, role, resource, spec, quantity, unit, season, confidential, x, y, notes
# (x, y None: placed through industrial_sites by SIRET or site name)
ROWS: list[tuple] = [
    (
        "ArcelorMittal France",
        "ARCELORMITTAL FRANCE",
        "56209442500468",
        "offer",
        "heat",
        "110 °C",
        150000,
        "MWh/yr",
        "",
        False,
        None,
        None,
        PUBLIC + " ; placé par SIRET",
    ),
    (
        "Réseau de chaleur de Dunkerque",
        "Chaufferie centrale",
        "",
        "need",
        "heat",
        "90 °C",
        100000,
        "MWh/yr",
        "10-4",
        False,
        655700,
        7104300,
        PUBLIC + " ; position approchée",
    ),
    (
        "Réseau de chaleur de Dunkerque",
        "Eau chaude sanitaire",
        "",
        "need",
        "heat",
        "70",
        20000,
        "MWh/yr",
        "",
        False,
        655700,
        7104300,
        PUBLIC + " ; position approchée",
    ),
    (
        "ArcelorMittal France",
        "ARCELORMITTAL FRANCE",
        "56209442500468",
        "offer",
        "waste",
        "10 02 01",
        1000000,
        "t/yr",
        "",
        False,
        None,
        None,
        PUBLIC + " (laitier de haut fourneau)",
    ),
    (
        "Ecocem",
        "Ecocem Dunkerque",
        "",
        "need",
        "waste",
        "10 02 01, 10 02 02",
        600000,
        "t/yr",
        "",
        False,
        652400,
        7104900,
        PUBLIC + " ; position approchée",
    ),
    (
        "Indaver",
        "Incinérateur de déchets dangereux",
        "",
        "offer",
        "steam",
        "20 bar 250 °C",
        80000,
        "MWh/yr",
        "",
        False,
        646300,
        7102150,
        PUBLIC + " ; position approchée",
    ),
    (
        "Ryssen Alcools",
        "RYSSEN ALCOOLS",
        "",
        "need",
        "steam",
        "10 bar",
        50000,
        "MWh/yr",
        "",
        False,
        None,
        None,
        PUBLIC + " ; placé par nom de site",
    ),
    (
        "EDF - CNPE de Gravelines",
        "EDF - CNPE de Gravelines",
        "55208131721071",
        "offer",
        "water",
        "seawater",
        40000000,
        "m3/yr",
        "",
        False,
        None,
        None,
        PUBLIC + " (eau de mer tiède du refroidissement)",
    ),
    (
        "Aquanord",
        "Ferme aquacole",
        "",
        "need",
        "water",
        "seawater",
        15000000,
        "m3/yr",
        "",
        False,
        639900,
        7101100,
        PUBLIC + " ; position approchée",
    ),
    # fictitious actors
    (
        "Station d'épuration (fictif)",
        "",
        "",
        "offer",
        "water",
        "treated_wastewater",
        1500000,
        "m3/yr",
        "",
        False,
        651600,
        7101200,
        "fictif",
    ),
    (
        "Chimie du port (fictif)",
        "",
        "",
        "need",
        "water",
        "process",
        600000,
        "m3/yr",
        "",
        True,
        647200,
        7103300,
        "fictif ; confidentiel",
    ),
    (
        "Centrale de froid (fictif)",
        "",
        "",
        "need",
        "water",
        "cooling",
        500000,
        "m3/yr",
        "6-9",
        False,
        652900,
        7102500,
        "fictif",
    ),
    (
        "Prise d'eau de mer (fictif)",
        "",
        "",
        "offer",
        "water",
        "seawater",
        800000,
        "m3/yr",
        "",
        False,
        654200,
        7105600,
        "fictif",
    ),
    (
        "Mareyage (fictif)",
        "",
        "",
        "need",
        "water",
        "cleaning",
        300000,
        "m3/yr",
        "",
        False,
        655000,
        7105200,
        "fictif",
    ),
    (
        "Blanchisserie (fictif)",
        "",
        "",
        "need",
        "water",
        "potable",
        60000,
        "m3/yr",
        "",
        False,
        653900,
        7101900,
        "fictif : aucune offre d'eau potable",
    ),
    (
        "Serres maraîchères (fictif)",
        "",
        "",
        "need",
        "heat",
        "40",
        30000,
        "MWh/yr",
        "10-4",
        False,
        662500,
        7096500,
        "fictif : trop loin des offres",
    ),
    (
        "Centre de données (fictif)",
        "",
        "",
        "offer",
        "heat",
        "35",
        20000,
        "MWh/yr",
        "",
        False,
        654800,
        7102200,
        "fictif : trop froid pour les besoins",
    ),
    (
        "Imprimerie d'étiquettes (fictif)",
        "",
        "",
        "offer",
        "material",
        "15 01 01",
        200,
        "t/yr",
        "",
        False,
        649800,
        7101900,
        "fictif (supports d'étiquettes)",
    ),
    (
        "Papeterie (fictif)",
        "",
        "",
        "need",
        "material",
        "15 01 *",
        150,
        "t/yr",
        "",
        False,
        644500,
        7101500,
        "fictif",
    ),
    (
        "Armement de pêche (fictif)",
        "",
        "",
        "offer",
        "material",
        "02 01 04",
        50,
        "t/yr",
        "",
        False,
        655300,
        7105400,
        "fictif (filets de pêche)",
    ),
    (
        "Recycleur de filets (fictif)",
        "",
        "",
        "need",
        "material",
        "02 01 04",
        40,
        "t/yr",
        "",
        False,
        648100,
        7100400,
        "fictif",
    ),
    (
        "Restaurant inter-entreprises (fictif)",
        "",
        "",
        "offer",
        "service",
        "restaurant",
        120,
        "people",
        "",
        False,
        652300,
        7102800,
        "fictif",
    ),
    (
        "PME logistique (fictif)",
        "",
        "",
        "need",
        "service",
        "restaurant",
        45,
        "people",
        "",
        False,
        651500,
        7103200,
        "fictif",
    ),
    (
        "PME maintenance (fictif)",
        "",
        "",
        "need",
        "service",
        "restaurant",
        30,
        "people",
        "",
        False,
        653300,
        7102200,
        "fictif",
    ),
    (
        "Transitaire (fictif)",
        "",
        "",
        "need",
        "service",
        "restaurant",
        25,
        "people",
        "",
        False,
        646500,
        7104000,
        "fictif : à plus de 5 km du restaurant",
    ),
]
# needs for a shared waste sorting platform (territoire:shared_facility): people employed
for number, (x, y, people) in enumerate(
    [(652000, 7103000, 120), (653800, 7102400, 60), (647500, 7103800, 200), (644200, 7101800, 90),
     (655200, 7104900, 40), (650900, 7100900, 150)],
    start=1,
):  # fmt: skip
    ROWS.append((f"Entreprise {number} (fictif)", "", "", "need", "service", "waste_platform", people,
                 "people", "", False, x, y, "fictif : besoin d'une plateforme de tri partagée"))  # fmt: skip
ROWS.append(("Ligne erronée (fictif)", "", "", "offer", "heat", "90", 500, "t/yr", "", False, 650000, 7102000,
             "erreur volontaire : une chaleur en tonnes (démonstration des contrôles)"))  # fmt: skip


def main() -> None:
    if TARGET.exists():
        TARGET.unlink()
    write_template(TARGET, twins=())
    dataset = ogr.Open(str(TARGET), 1)
    layer = dataset.GetLayerByName("survey")
    names = [
        "actor",
        "site",
        "siret",
        "role",
        "resource",
        "spec",
        "quantity",
        "unit",
        "season",
        "confidential",
    ]
    for actor, site, siret, role, resource, spec, quantity, unit, season, confidential, x, y, notes in ROWS:
        feature = ogr.Feature(layer.GetLayerDefn())
        values = [actor, site, siret, role, resource, spec, float(quantity), unit, season, int(confidential)]
        for name, value in zip(names, values):
            if value != "":
                feature.SetField(name, value)
        feature.SetField("notes", notes)
        if x is not None:
            feature.SetGeometry(ogr.CreateGeometryFromWkt(f"POINT ({x} {y})"))
        layer.CreateFeature(feature)
    dataset = None
    write_sources(
        TARGET,
        [
            Source(
                layer="survey",
                title="Enquête de symbiose industrielle (exemple synthétique)",
                publisher="Territoire numérique",
                url="",
                licence="Licence Ouverte 2.0",
                attribution="Territoire numérique — données d'exemple synthétiques",
                vintage="2025",
                retrieved=date(2025, 6, 1).isoformat(),
                synthetic=True,
                note="Synthetic survey: real names only for public exchanges (AGUR Toile industrielle, "
                "press), invented quantities; other actors fictitious (scripts/make_symbiosis_sample.py)",
            )
        ],
    )
    print("wrote", TARGET, len(ROWS), "rows")


if __name__ == "__main__":
    main()
