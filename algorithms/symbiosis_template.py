"""Algorithm ``territoire:symbiosis_template``: the empty, documented survey of an
industrial-symbiosis programme (one row per offer or need), as a GeoPackage and CSV / XLSX twins."""

from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsProcessingOutputFile,
    QgsProcessingParameterCrs,
    QgsProcessingParameterFileDestination,
)

from ..engine.symbiosis_options import TemplateOptions as Options
from ._options import add_options
from .base import TerritoireAlgorithm


class SymbiosisTemplateAlgorithm(TerritoireAlgorithm):
    """Write the survey template (no analysis: GDAL only)."""

    ALGORITHM_ID = "symbiosis_template"
    GROUP = "data"
    REQUIRES = ("osgeo",)
    TAGS = ("symbiosis", "survey", "circular economy")

    OUTPUT = "OUTPUT"
    CRS = "CRS"
    CSV = "CSV"
    XLSX = "XLSX"

    def displayName(self) -> str:
        return self.tr("Industrial symbiosis survey template")

    def shortHelpString(self) -> str:
        return self.tr(
            "Writes the empty survey of an industrial-symbiosis programme, to fill after the interviews "
            "of the actors: one row per offer or need of a site, with actor, site, siret, role (offer | "
            "need), resource (waste | heat | steam | water | material | service), spec (a List-of-Waste "
            "code, a temperature in °C, steam pressure and temperature, a water class or a service name), "
            "quantity, unit (t/yr, MWh/yr, m3/yr, people), season (months), confidential and a point. "
            "The GeoPackage has drop-down lists for role, resource and unit and a survey_fields table "
            "documenting every field; the CSV and XLSX twins, for people who fill spreadsheets, have x "
            "and y columns in the chosen CRS. A row without a point is placed later through the ICPE / "
            "IREP sites by SIRET or site name (territoire:resource_synergies)."
        )

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(
            QgsProcessingParameterFileDestination(
                self.OUTPUT, self.tr("Survey (GeoPackage)"), fileFilter="GeoPackage (*.gpkg)"
            )
        )
        self.addParameter(
            # optional: QGIS 3.22 refuses a missing CRS parameter even when it has a default
            QgsProcessingParameterCrs(
                self.CRS, self.tr("Coordinate reference system"), "EPSG:2154", optional=True
            )
        )
        add_options(self, Options)
        self.addOutput(QgsProcessingOutputFile("CSV_OUTPUT", self.tr("Survey (CSV)")))
        self.addOutput(QgsProcessingOutputFile("XLSX_OUTPUT", self.tr("Survey (XLSX)")))

    def processAlgorithm(self, parameters, context, feedback):
        from ..engine.symbiosis_survey import write_template
        from ._engine_io import run_engine
        from ._options import read_options
        from ._survey_io import survey_crs

        path = Path(self.parameterAsFileOutput(parameters, self.OUTPUT, context))
        if path.suffix.lower() != ".gpkg":
            path = path.with_suffix(".gpkg")
        crs = survey_crs(self, parameters, self.CRS, context, self.tr("The survey CRS"))
        twins = read_options(self, Options, parameters, context).twins
        written = run_engine(write_template, path, int(crs.authid().split(":")[1]), twins)
        for output in written:
            feedback.pushInfo(self.tr("Written: {path}").format(path=str(output)))
        return {
            self.OUTPUT: str(path),
            "CSV_OUTPUT": str(path.with_suffix(".csv")) if "csv" in twins else "",
            "XLSX_OUTPUT": str(path.with_suffix(".xlsx")) if "xlsx" in twins else "",
        }
