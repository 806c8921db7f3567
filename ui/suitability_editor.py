"""Suitability model editor: criteria, transforms with a live curve, weights (direct or AHP), constraints.

The dialog edits the JSON model of ``territoire:site_suitability`` (docs/site_suitability.md),
saves and loads it, and runs it through Processing (``processing.execAlgorithmDialog``), so the
run shows progress, can be cancelled and lands in the history.  Validation and the AHP maths
come from the engine: what the dialog shows is what the algorithm computes.
"""

from __future__ import annotations

import contextlib
import json
import math
import os
from pathlib import Path
from typing import Any, cast

import numpy as np
from qgis.core import QgsMapLayer, QgsProject, QgsProviderRegistry, QgsRasterLayer, QgsVectorLayer
from qgis.PyQt.QtCore import QPointF, QRectF, Qt
from qgis.PyQt.QtGui import QColor, QPainter, QPainterPath, QPen
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..engine import mcda
from ..engine.errors import EngineError
from ..engine.raster_grid import split_uri
from ..engine.suitability import load_model
from ..i18n_support import format_number, tr

PARAMETERS = {
    "linear": ("low", "high"),
    "sigmoid": ("midpoint", "spread"),
    "gaussian": ("ideal", "spread"),
    "threshold": ("value",),
    "categories": (),
}


def parameter_labels() -> dict[str, str]:
    """Transform parameter → its label in the dialog."""
    return {
        "low": tr("Low value"),
        "high": tr("High value"),
        "midpoint": tr("Midpoint (suitability 0.5)"),
        "spread": tr("Spread"),
        "ideal": tr("Ideal value"),
        "value": tr("Threshold"),
    }


def choice_labels() -> dict[str, dict[str, str]]:
    """Model keyword → its label in the dialog, for the measure, function, direction,
    aggregation and constraint mode lists."""
    return {
        "measure": {
            "distance": tr("Distance to the nearest feature"),
            "value": tr("Raster value"),
            "attribute": tr("Attribute of the feature at the cell"),
        },
        "function": {
            "linear": tr("Linear"),
            "sigmoid": tr("Sigmoid (S-curve)"),
            "gaussian": tr("Gaussian (ideal value)"),
            "threshold": tr("Threshold"),
            "categories": tr("Categories"),
        },
        "direction": {"benefit": tr("Benefit: more is better"), "cost": tr("Cost: less is better")},
        "aggregation": {
            "wlc": tr("Weighted linear combination (WLC)"),
            "geometric": tr("Weighted geometric mean"),
            "min": tr("Minimum: the weakest criterion decides"),
            "owa": tr("Ordered weighted average (OWA)"),
        },
        "mode": {"exclude": tr("Exclude (never suitable)"), "include": tr("Include (only there)")},
    }


def keyword_combo(labels: dict[str, str]) -> QComboBox:
    """A list showing labels, holding the model keywords as item data."""
    combo = QComboBox()
    for keyword, label in labels.items():
        combo.addItem(label, keyword)
    return combo


def select_keyword(combo: QComboBox, keyword: str) -> None:
    combo.setCurrentIndex(max(combo.findData(keyword), 0))


def layer_reference(layer: QgsMapLayer) -> str | None:
    """What a model names ``layer`` by: its file path, with ``|layername=`` for a table of a
    GeoPackage (vector or raster); None when the layer is not a file a headless run can open."""
    if layer.type() not in (QgsMapLayer.LayerType.VectorLayer, QgsMapLayer.LayerType.RasterLayer):
        return None
    if layer.providerType() not in ("ogr", "gdal"):
        return None
    parts = QgsProviderRegistry.instance().decodeUri(layer.providerType(), layer.source())
    path, name = parts.get("path"), parts.get("layerName")
    if not isinstance(path, str) or not path or not Path(path).is_file():
        return None
    return f"{path}|layername={name}" if isinstance(name, str) and name else path


def reference_key(reference: str, base_dir: str | None) -> tuple[str, str] | None:
    """The file and table a layer reference names (relative paths against ``base_dir``), to tell
    whether two references name the same layer; None when the file does not exist."""
    path, name = split_uri(reference, base_dir)
    if not path or not Path(path).is_file():
        return None
    return os.path.normcase(os.path.realpath(path)), name or ""


def fill_layer_combo(combo: QComboBox, reference: str, base_dir: str | None) -> None:
    """List the project's file-based layers (name shown, file reference as data) and show
    ``reference``: as the name of the loaded layer it names, else as written."""
    combo.blockSignals(True)
    combo.clear()
    layers = sorted(QgsProject.instance().mapLayers().values(), key=lambda layer: (layer.name(), layer.id()))
    for layer in layers:
        file_reference = layer_reference(layer)
        if file_reference is not None:
            combo.addItem(layer.name(), file_reference)
    wanted = reference_key(reference, base_dir) if reference else None
    matches = [i for i in range(combo.count()) if wanted and reference_key(combo.itemData(i), None) == wanted]
    if matches:
        combo.setCurrentIndex(matches[0])
    else:
        combo.setCurrentIndex(-1)
        combo.setEditText(reference)
    combo.blockSignals(False)


def combo_reference(combo: QComboBox, previous: str, base_dir: str | None) -> str:
    """The model reference the combo shows: the file of the chosen project layer (``previous``
    when it already names that file, so relative paths stay relative), else the typed text."""
    text, index = combo.currentText().strip(), combo.currentIndex()
    if index < 0 or combo.itemText(index) != text:
        return text
    chosen = combo.itemData(index)
    if previous and reference_key(previous, base_dir) == reference_key(chosen, None):
        return previous
    return chosen


def layer_combo() -> QComboBox:
    """An editable list of the project's layers; a path or ``path|layername=…`` may be typed."""
    combo = QComboBox()
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(16)
    return combo


def same_number(value: object, original: object, decimals: int = 3) -> bool:
    """True when ``value`` (read back from a widget) is ``original`` as the widget shows it."""
    if isinstance(original, bool) or not isinstance(original, (int, float)):
        return False
    return abs(float(str(value)) - float(original)) < 0.5 * 10**-decimals


DEFAULT_CRITERION = {
    "name": "criterion",
    "layer": "",
    "measure": "distance",
    "transform": {"function": "linear", "direction": "cost", "low": 0, "high": 1000},
}


def parse_judgement(text: str) -> float:
    """A Saaty judgement typed as ``3``, ``1/3`` or ``0.5``; raises ValueError."""
    text = text.strip()
    if "/" in text:
        numerator, denominator = text.split("/", 1)
        return float(numerator) / float(denominator)
    return float(text)


def format_judgement(value: float) -> str:
    """``3`` for 3, ``1/3`` for 0.333…"""
    if value >= 1 or value <= 0:
        return f"{value:g}"
    inverse = 1 / value
    return f"1/{round(inverse):g}" if abs(inverse - round(inverse)) < 1e-6 else f"{value:g}"


def transform_of(specification: dict) -> mcda.Transform:
    """The engine transform of a model's ``transform`` object (raises EngineError when invalid)."""
    model = load_model(
        {
            "criteria": [{"name": "c", "layer": "x", "measure": "value", "transform": specification}],
            "weights": {"method": "direct", "values": {"c": 1}},
        }
    )
    return model.criteria[0].transform


class CurvePlot(QWidget):
    """Plot of a transform's curve (suitability 0–1 against the measured value), drawn with QPainter."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumSize(320, 180)
        self.transform: mcda.Transform | None = None
        self.value_range = (0.0, 1.0)
        self.unit = ""

    def set_curve(
        self, transform: mcda.Transform | None, value_range: tuple[float, float], unit: str
    ) -> None:
        self.transform, self.value_range, self.unit = transform, value_range, unit
        self.update()

    def samples(self, count: int = 200) -> tuple[np.ndarray, np.ndarray]:
        """The plotted points: measured values and their suitability."""
        low, high = self.value_range
        if self.transform is None:
            return np.array([]), np.array([])
        if self.transform.function == "categories":
            keys = [key for key in self.transform.categories if _is_number(key)]
            values = np.array(sorted(float(key) for key in keys))
        else:
            values = np.linspace(low, high, count)
        return values, self.transform.evaluate(values)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        margin_left, margin_bottom, margin = 38, 26, 10
        area = QRectF(
            margin_left, margin, self.width() - margin_left - margin, self.height() - margin - margin_bottom
        )
        painter.fillRect(self.rect(), QColor("white"))
        painter.setPen(QPen(QColor("#999999"), 1))
        painter.drawRect(area)
        for fraction in (0.0, 0.5, 1.0):
            y = area.bottom() - fraction * area.height()
            painter.drawText(QPointF(4, y + 4), f"{fraction:g}")
        low, high = self.value_range
        painter.drawText(QPointF(area.left(), self.height() - 8), f"{low:g}")
        label = f"{high:g} {self.unit}".strip()
        width = painter.fontMetrics().horizontalAdvance(label)
        painter.drawText(QPointF(area.right() - width, self.height() - 8), label)
        values, suitability = self.samples()
        if len(values) == 0 or high <= low:
            painter.end()
            return

        def point(value: float, level: float) -> QPointF:
            return QPointF(
                area.left() + (value - low) / (high - low) * area.width(),
                area.bottom() - level * area.height(),
            )

        painter.setPen(QPen(QColor("#1f78b4"), 2))
        if self.transform is not None and self.transform.function == "categories":
            for value, level in zip(values, suitability):
                if not math.isnan(level):
                    painter.drawEllipse(point(value, level), 4, 4)
        else:
            path = QPainterPath(point(values[0], suitability[0]))
            for value, level in zip(values[1:], suitability[1:]):
                path.lineTo(point(value, level))
            painter.drawPath(path)
        painter.end()


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


class SuitabilityEditor(QDialog):
    """Build, save, load and run a suitability model."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Suitability model editor"))
        self.resize(900, 640)
        self.criteria: list[dict] = []
        self.path: str | None = None
        self._loading = False
        self.source: dict = {}  # the model as opened: what the editor does not show stays (description…)

        self.name = QLineEdit()
        buttons = QHBoxLayout()
        for text, slot in (
            (tr("Open…"), self.open_file),
            (tr("Save…"), self.save_file),
            (tr("Run…"), self.run_model),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        header = QHBoxLayout()
        header.addWidget(QLabel(tr("Model name")))
        header.addWidget(self.name, 1)
        header.addLayout(buttons)

        self.tabs = QTabWidget()
        self.tabs.addTab(self._criteria_tab(), tr("Criteria"))
        self.tabs.addTab(self._weights_tab(), tr("Weights"))
        self.tabs.addTab(self._constraints_tab(), tr("Constraints"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status)
        for button in self.findChildren(QPushButton):  # Enter in a field must not open a file dialog
            button.setAutoDefault(False)
        self.set_model({"name": "", "criteria": [dict(DEFAULT_CRITERION)], "weights": {"method": "direct"}})

    # --- criteria tab ----------------------------------------------------------------------
    def _criteria_tab(self) -> QWidget:
        self.criteria_list = QListWidget()
        self.criteria_list.currentRowChanged.connect(self.show_criterion)
        add, remove = QPushButton(tr("Add")), QPushButton(tr("Remove"))
        add.clicked.connect(self.add_criterion)
        remove.clicked.connect(self.remove_criterion)
        left = QVBoxLayout()
        left.addWidget(self.criteria_list, 1)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(remove)
        left.addLayout(row)

        self.criterion_name = QLineEdit()
        self.layer = layer_combo()
        browse = QPushButton("…")
        browse.clicked.connect(self.browse_layer)
        layer_row = QHBoxLayout()
        layer_row.addWidget(self.layer, 1)
        layer_row.addWidget(browse)
        choices = choice_labels()
        self.measure = keyword_combo(choices["measure"])
        self.field = QLineEdit()
        self.band = QSpinBox()
        self.band.setRange(1, 999)
        self.where = QLineEdit()
        self.where.setPlaceholderText("ftth = 1")
        self.function = keyword_combo(choices["function"])
        self.direction = keyword_combo(choices["direction"])
        self.parameters: dict[str, QDoubleSpinBox] = {}
        for name in ("low", "high", "midpoint", "spread", "ideal", "value"):
            spin = QDoubleSpinBox()
            spin.setRange(-1e9, 1e9)
            spin.setDecimals(3)
            spin.valueChanged.connect(self.criterion_edited)
            self.parameters[name] = spin
        self.categories = QLineEdit()
        self.categories.setPlaceholderText("U=1; AU=0.7; A=0")
        self.fill_enabled = QCheckBox(tr("Where the layer has no data, use"))
        self.fill = QDoubleSpinBox()
        self.fill.setRange(0, 1)
        self.fill.setSingleStep(0.1)

        form = self.form = QFormLayout()
        form.addRow(tr("Name"), self.criterion_name)
        form.addRow(tr("Layer (project layer, path or path|layername=…)"), layer_row)
        form.addRow(tr("Measure"), self.measure)
        form.addRow(tr("Field (attribute)"), self.field)
        form.addRow(tr("Band (raster)"), self.band)
        form.addRow(tr("Filter (where)"), self.where)
        form.addRow(tr("Transform"), self.function)
        form.addRow(tr("Direction"), self.direction)
        labels = parameter_labels()
        for name, spin in self.parameters.items():
            form.addRow(labels[name], spin)
        form.addRow(tr("Categories"), self.categories)
        fill_row = QHBoxLayout()
        fill_row.addWidget(self.fill_enabled)
        fill_row.addWidget(self.fill)
        form.addRow(fill_row)
        self.plot = CurvePlot()
        right = QVBoxLayout()
        right.addLayout(form)
        right.addWidget(self.plot, 1)

        for widget in (self.criterion_name, self.field, self.where, self.categories):
            widget.textChanged.connect(self.criterion_edited)
        self.layer.currentTextChanged.connect(self.criterion_edited)
        for combo in (self.measure, self.function, self.direction):
            combo.currentTextChanged.connect(self.criterion_edited)
        self.band.valueChanged.connect(self.criterion_edited)
        self.fill_enabled.toggled.connect(self.criterion_edited)
        self.fill.valueChanged.connect(self.criterion_edited)

        tab = QWidget()
        layout = QHBoxLayout(tab)
        layout.addLayout(left, 1)
        layout.addLayout(right, 3)
        return tab

    def base_dir(self) -> str | None:
        """The folder relative layer paths of the model start from (the model file's)."""
        return str(Path(self.path).parent) if self.path else None

    def browse_layer(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, tr("Layer file"), "", tr("GIS files (*.gpkg *.shp *.geojson *.tif *.tiff);;All files (*)")
        )
        if path:
            self.layer.setEditText(path)

    def add_criterion(self) -> None:
        criterion = json.loads(json.dumps(DEFAULT_CRITERION))
        criterion["name"] = f"criterion_{len(self.criteria) + 1}"
        self.criteria.append(criterion)
        self.criteria_list.addItem(criterion["name"])
        self.criteria_list.setCurrentRow(len(self.criteria) - 1)
        self.criteria_changed()

    def remove_criterion(self) -> None:
        row = self.criteria_list.currentRow()
        if row < 0 or len(self.criteria) <= 1:
            return
        del self.criteria[row]
        self.criteria_list.takeItem(row)
        self.criteria_changed()

    def show_criterion(self, row: int) -> None:
        if row < 0 or row >= len(self.criteria):
            return
        criterion = self.criteria[row]
        transform = criterion.get("transform", {})
        self._loading = True
        fill_layer_combo(self.layer, criterion.get("layer", ""), self.base_dir())
        self.criterion_name.setText(criterion.get("name", ""))
        select_keyword(self.measure, criterion.get("measure", "distance"))
        self.field.setText(criterion.get("field", ""))
        self.band.setValue(int(criterion.get("band", 1)))
        self.where.setText(criterion.get("where", ""))
        select_keyword(self.function, transform.get("function", "linear"))
        select_keyword(self.direction, transform.get("direction", "benefit"))
        for name, spin in self.parameters.items():
            spin.setValue(float(transform.get(name, 1.0 if name in ("spread", "high") else 0.0)))
        values = transform.get("values", {})
        self.categories.setText("; ".join(f"{key}={value:g}" for key, value in values.items()))
        self.fill_enabled.setChecked("fill" in criterion)
        self.fill.setValue(float(criterion.get("fill", 0)))
        self._loading = False
        self.update_visibility()
        self.update_plot()

    def criterion_edited(self, *_) -> None:
        row = self.criteria_list.currentRow()
        if self._loading or row < 0:
            return
        previous = self.criteria[row]
        criterion = dict(previous)  # keys the dialog does not edit (resampling, notes…) stay
        criterion.update(
            name=self.criterion_name.text().strip(),
            layer=combo_reference(self.layer, previous.get("layer", ""), self.base_dir()),
            measure=self.measure.currentData(),
            transform=self.edited_transform(previous.get("transform", {})),
        )
        measure = criterion["measure"]
        for key, kept in (
            ("field", measure == "attribute"),
            ("band", measure == "value"),
            ("where", measure != "value"),
        ):
            if not kept:
                criterion.pop(key, None)
        if measure == "attribute":
            criterion["field"] = self.field.text().strip()
        if measure == "value" and (self.band.value() != 1 or "band" in previous):
            criterion["band"] = self.band.value()
        if measure != "value":
            if self.where.text().strip():
                criterion["where"] = self.where.text().strip()
            else:
                criterion.pop("where", None)
        if not self.fill_enabled.isChecked():
            criterion.pop("fill", None)
        elif not same_number(self.fill.value(), previous.get("fill"), self.fill.decimals()):
            criterion["fill"] = self.fill.value()
        renamed = previous.get("name") != criterion["name"]
        self.criteria[row] = criterion
        self.criteria_list.item(row).setText(criterion["name"])
        self.update_visibility()
        self.update_plot()
        if renamed:
            self.criteria_changed()
        else:
            self.validate()

    def edited_transform(self, previous: dict) -> dict:
        """The transform as the widgets show it; values shown as they were keep their exact
        number, and keys the dialog does not edit (a category default…) stay while the function does."""
        function = self.function.currentData()
        if previous.get("function") == function:
            transform = dict(previous)
        else:
            shown = {"function", "direction", "values", "default", *self.parameters}
            transform = {key: value for key, value in previous.items() if key not in shown}
        transform["function"] = function
        if function not in ("categories", "gaussian"):
            transform["direction"] = self.direction.currentData()
        for name in PARAMETERS[function]:
            spin = self.parameters[name]
            if not same_number(spin.value(), transform.get(name), spin.decimals()):
                transform[name] = spin.value()
        if function == "categories" and self.category_values() != transform.get("values"):
            transform["values"] = self.category_values()
        return transform

    def category_values(self) -> dict[str, float]:
        values = {}
        for part in self.categories.text().split(";"):
            key, _, value = part.partition("=")
            if key.strip() and _is_number(value.strip()):
                values[key.strip()] = float(value)
        return values

    def update_visibility(self) -> None:
        function, measure = self.function.currentData(), self.measure.currentData()
        for name, spin in self.parameters.items():
            visible = name in PARAMETERS[function]
            spin.setVisible(visible)
            label = self.form.labelForField(spin)
            if label is not None:
                label.setVisible(visible)
        self.categories.setEnabled(function == "categories")
        self.direction.setEnabled(function not in ("categories", "gaussian"))
        self.field.setEnabled(measure == "attribute")
        self.band.setEnabled(measure == "value")
        self.where.setEnabled(measure != "value")

    def value_range(self, criterion: dict) -> tuple[tuple[float, float], str]:
        """The range to plot: the layer's values (raster statistics, field min/max) or distances."""
        transform = criterion.get("transform", {})
        candidates = [
            float(v) for k, v in transform.items() if k in ("low", "high", "midpoint", "ideal", "value")
        ]
        spread = float(transform.get("spread", 0))
        if criterion.get("measure") == "distance":
            top = max([*candidates, 0.0]) + 3 * spread
            return (0.0, top * 1.5 if top > 0 else 1000.0), "m"
        layer = self.layer_object(criterion.get("layer", ""))
        if criterion.get("measure") == "value" and isinstance(layer, QgsRasterLayer) and layer.isValid():
            band = int(criterion.get("band", 1))
            statistics = layer.dataProvider().bandStatistics(band)
            return (statistics.minimumValue, statistics.maximumValue), ""
        if criterion.get("measure") == "attribute" and isinstance(layer, QgsVectorLayer) and layer.isValid():
            index = layer.fields().lookupField(criterion.get("field", ""))
            if index >= 0:
                low, high = layer.minimumValue(index), layer.maximumValue(index)
                if isinstance(low, (int, float)) and isinstance(high, (int, float)) and high > low:
                    return (float(low), float(high)), ""
        if candidates:
            low, high = min(candidates) - 2 * spread, max(candidates) + 2 * spread
            pad = (high - low) * 0.2 or 1.0
            return (low - pad, high + pad), ""
        return (0.0, 1.0), ""

    def layer_object(self, reference: str) -> QgsMapLayer | None:
        """A project layer named ``reference``, else the file it names (relative to the model file)."""
        if not reference:
            return None
        named = QgsProject.instance().mapLayersByName(reference)
        if named:
            return named[0]
        base = str(Path(self.path).parent) if self.path else None
        path, layer_name = split_uri(reference, base)
        if not Path(path).exists():
            return None
        if path.lower().endswith((".tif", ".tiff")) or (
            layer_name and self.criteria_list.currentRow() >= 0 and self.measure.currentData() == "value"
        ):
            source = f"GPKG:{path}:{layer_name}" if layer_name else path
            return QgsRasterLayer(source, layer_name or Path(path).stem)
        source = f"{path}|layername={layer_name}" if layer_name else path
        return QgsVectorLayer(source, layer_name or Path(path).stem, "ogr")

    def update_plot(self) -> None:
        row = self.criteria_list.currentRow()
        if row < 0:
            return
        criterion = self.criteria[row]
        try:
            transform = transform_of(criterion["transform"])
        except EngineError as error:
            self.plot.set_curve(None, (0.0, 1.0), "")
            self.status.setText(tr(error.message).format(**error.values))
            return
        value_range, unit = self.value_range(criterion)
        self.plot.set_curve(transform, value_range, unit)

    # --- weights tab -----------------------------------------------------------------------
    def _weights_tab(self) -> QWidget:
        self.weight_method = QComboBox()
        self.weight_method.addItem(tr("Direct weights"), "direct")
        self.weight_method.addItem(tr("AHP pairwise comparison"), "ahp")
        self.weight_method.currentIndexChanged.connect(self.criteria_changed)
        self.direct = QTableWidget(0, 2)
        self.direct.setHorizontalHeaderLabels([tr("Weight"), tr("Normalised")])
        self.direct.itemChanged.connect(self.weights_edited)
        self.matrix = QTableWidget(0, 0)
        self.matrix.itemChanged.connect(self.matrix_edited)
        self.consistency = QLabel()
        self.aggregation = keyword_combo(choice_labels()["aggregation"])
        self.aggregation.currentIndexChanged.connect(self.validate)
        self.order_weights = QLineEdit()
        self.order_weights.setPlaceholderText(tr("OWA order weights, best value first: 0.5, 0.3, 0.2"))
        self.order_weights.textChanged.connect(self.validate)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(self.weight_method)
        layout.addWidget(self.direct, 1)
        layout.addWidget(self.matrix, 2)
        layout.addWidget(self.consistency)
        box = QGroupBox(tr("Aggregation"))
        row = QHBoxLayout(box)
        row.addWidget(self.aggregation)
        row.addWidget(self.order_weights, 1)
        layout.addWidget(box)
        return tab

    def names(self) -> list[str]:
        return [criterion.get("name", "") for criterion in self.criteria]

    def criteria_changed(self, *_) -> None:
        """Rebuild the weight tables for the current criteria (keeping known values)."""
        if self._loading:
            return
        weights = self.weights_dict()
        self.fill_weight_tables(weights)
        self.validate()

    def fill_weight_tables(self, weights: dict) -> None:
        names = self.names()
        self._loading = True
        ahp = self.weight_method.currentData() == "ahp"
        self.direct.setVisible(not ahp)
        self.matrix.setVisible(ahp)
        direct = weights.get("values", {}) if weights.get("method") == "direct" else {}
        self.direct.setRowCount(len(names))
        self.direct.setVerticalHeaderLabels(names)
        for row, name in enumerate(names):
            self.direct.setItem(row, 0, raw_item(direct.get(name), f"{float(direct.get(name, 1)):g}"))
            result = QTableWidgetItem()
            result.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.direct.setItem(row, 1, result)
        order = weights.get("order", []) if weights.get("method") == "ahp" else []
        pairwise = weights.get("pairwise", [])
        known = {}
        for i, first in enumerate(order):
            for j, second in enumerate(order):
                try:
                    known[(first, second)] = (pairwise[i][j], parse_judgement(str(pairwise[i][j])))
                except (IndexError, ValueError, ZeroDivisionError):
                    continue
        self.matrix.setRowCount(len(names))
        self.matrix.setColumnCount(len(names))
        self.matrix.setHorizontalHeaderLabels(names)
        self.matrix.setVerticalHeaderLabels(names)
        self.matrix.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        for i, first in enumerate(names):
            for j, second in enumerate(names):
                raw, value = (None, 1.0) if i == j else known.get((first, second), (None, 1.0))
                item = raw_item(raw, format_judgement(value))
                if j <= i:
                    item.setFlags(Qt.ItemFlag.ItemIsEnabled)
                self.matrix.setItem(i, j, item)
        self._loading = False

    def weights_edited(self, *_) -> None:
        if not self._loading:
            self.validate()

    def matrix_edited(self, item: QTableWidgetItem) -> None:
        if self._loading:
            return
        i, j = item.row(), item.column()
        try:
            value = parse_judgement(item.text())
        except (ValueError, ZeroDivisionError):
            self.consistency.setText(tr("Type a judgement such as 3 or 1/3."))
            return
        if value > 0 and j > i:
            self._loading = True
            self.matrix.item(j, i).setText(format_judgement(1 / value))
            self._loading = False
        self.validate()

    def weights_dict(self) -> dict:
        names = self.names()
        weights: dict[str, Any]
        if self.weight_method.currentData() == "ahp":
            pairwise = []
            for i in range(self.matrix.rowCount()):
                cells: list[object] = []
                for j in range(self.matrix.columnCount()):
                    item = self.matrix.item(i, j)
                    text = item.text() if item is not None else "1"
                    cells.append(item_value(item, text if "/" in text else _number_or_text(text)))
                pairwise.append(cells)
            weights = {"method": "ahp", "order": names[: self.matrix.rowCount()], "pairwise": pairwise}
        else:
            direct: dict[str, object] = {}
            for position, name in enumerate(names):
                item = self.direct.item(position, 0)
                direct[name] = item_value(item, _number_or_text(item.text() if item is not None else "1"))
            weights = {"method": "direct", "values": direct}
        original = self.source.get("weights")
        if isinstance(original, dict) and original.get("method") == weights["method"]:
            weights = {**original, **weights}  # other keys of the opened model's weights stay
        return weights

    # --- constraints tab -------------------------------------------------------------------
    def _constraints_tab(self) -> QWidget:
        self.constraints = QTableWidget(0, 4)
        self.constraints.setHorizontalHeaderLabels(
            [tr("Layer"), tr("Mode"), tr("Buffer (m)"), tr("Filter (where)")]
        )
        header = self.constraints.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(3, 260)
        self.constraints.itemChanged.connect(self.weights_edited)
        add, remove = QPushButton(tr("Add")), QPushButton(tr("Remove"))
        add.clicked.connect(lambda: self.add_constraint({"layer": "", "mode": "exclude"}))
        remove.clicked.connect(lambda: self.constraints.removeRow(self.constraints.currentRow()))
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(self.constraints, 1)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(remove)
        layout.addLayout(row)
        return tab

    def add_constraint(self, constraint: dict) -> None:
        row = self.constraints.rowCount()
        self.constraints.insertRow(row)
        self.constraints.setItem(row, 0, raw_item(constraint, ""))  # the constraint as opened
        layer = layer_combo()
        fill_layer_combo(layer, constraint.get("layer", ""), self.base_dir())
        layer.currentTextChanged.connect(self.validate)
        self.constraints.setCellWidget(row, 0, layer)
        mode = keyword_combo(choice_labels()["mode"])
        select_keyword(mode, constraint.get("mode", "exclude"))
        mode.currentIndexChanged.connect(self.validate)
        self.constraints.setCellWidget(row, 1, mode)
        buffer = constraint.get("buffer")
        self.constraints.setItem(row, 2, raw_item(buffer, f"{float(buffer or 0):g}"))
        self.constraints.setItem(row, 3, QTableWidgetItem(constraint.get("where", "")))

    def constraints_list(self) -> list[dict]:
        result = []
        for row in range(self.constraints.rowCount()):
            original = cast(dict, item_value(self.constraints.item(row, 0), {}) or {})
            layer = combo_reference(
                self.constraints.cellWidget(row, 0), original.get("layer", ""), self.base_dir()
            )
            if not layer:
                continue
            constraint = {
                **original,
                "layer": layer,
                "mode": self.constraints.cellWidget(row, 1).currentData(),
            }
            buffer = self.constraints.item(row, 2)
            text = buffer.text().strip() if buffer is not None else ""
            value = item_value(buffer, _number_or_text(text) if text not in ("", "0") else None)
            constraint.pop("buffer", None)
            if value is not None:
                constraint["buffer"] = value
            where = self.constraints.item(row, 3)
            constraint.pop("where", None)
            if where is not None and where.text().strip():
                constraint["where"] = where.text().strip()
            result.append(constraint)
        return result

    # --- whole model -----------------------------------------------------------------------
    def model_dict(self) -> dict:
        """The model as edited (the JSON the algorithm reads)."""
        model = json.loads(json.dumps(self.source))  # its description and other keys stay
        if self.name.text() or "name" in model:
            model["name"] = self.name.text()
        model["criteria"] = json.loads(json.dumps(self.criteria))
        model["weights"] = self.weights_dict()
        original = model.get("aggregation")
        method = self.aggregation.currentData()
        aggregation = (
            dict(original) if isinstance(original, dict) and original.get("method") == method else {}
        )
        aggregation["method"] = method
        if method != "owa":
            aggregation.pop("order_weights", None)
        elif self.order_weights.text() != self.shown_order_weights:
            aggregation["order_weights"] = [
                _number_or_text(part) for part in self.order_weights.text().split(",") if part.strip()
            ]
        if aggregation != {"method": "wlc"} or original is not None:
            model["aggregation"] = aggregation
        constraints = self.constraints_list()
        if constraints or "constraints" in model:
            model["constraints"] = constraints
        return model

    def set_model(self, model: dict) -> None:
        """Show ``model``; :meth:`model_dict` gives it back with every key, edited or not."""
        self._loading = True
        self.source = json.loads(json.dumps(model))
        self.name.setText(str(model.get("name", "")))
        self.criteria = json.loads(json.dumps(model.get("criteria", [])))
        self.criteria_list.clear()
        self.criteria_list.addItems(self.names())
        weights = model.get("weights", {"method": "direct"})
        self.weight_method.setCurrentIndex(1 if weights.get("method") == "ahp" else 0)
        aggregation = model.get("aggregation", {"method": "wlc"})
        select_keyword(self.aggregation, aggregation.get("method", "wlc"))
        self.shown_order_weights = ", ".join(f"{v:g}" for v in aggregation.get("order_weights", []))
        self.order_weights.setText(self.shown_order_weights)
        self.constraints.setRowCount(0)
        for constraint in model.get("constraints", []):
            self.add_constraint(constraint)
        self._loading = False
        self.fill_weight_tables(weights)
        if self.criteria:
            self.criteria_list.setCurrentRow(0)
            self.show_criterion(0)
        self.validate()

    def validate(self, *_) -> bool:
        """Check the model with the engine; show the weights and the AHP consistency live."""
        if self._loading:
            return False
        try:
            model = load_model(self.model_dict(), self.base_dir(), allow_inconsistent=True)
        except EngineError as error:
            self.status.setText(tr(error.message).format(**error.values))
            self.status.setStyleSheet("color: #b00020")
            self.consistency.setText("")
            return False
        self._loading = True
        for row, weight in enumerate(model.weights):
            if self.direct.item(row, 1) is not None:
                self.direct.item(row, 1).setText(f"{weight:.3f}")
        self._loading = False
        shares = ", ".join(f"{c.name} {format_number(w, 3)}" for c, w in zip(model.criteria, model.weights))
        if model.ahp is not None:
            consistent = model.ahp.cr < 0.10
            text = tr("Consistency ratio CR = {cr} ({verdict}); weights: {weights}").format(
                cr=format_number(model.ahp.cr, 3),
                verdict=tr("consistent") if consistent else tr("inconsistent: revise the judgements"),
                weights=shares,
            )
            if not consistent:
                i, j = model.ahp.worst_pair
                names = self.names()
                text += " " + tr(
                    "Most inconsistent pair: {first} vs {second} (about {value:.2g} would fit)."
                ).format(first=names[i], second=names[j], value=model.ahp.worst_consistent_value)
            self.consistency.setText(text)
            self.consistency.setStyleSheet("" if consistent else "color: #b00020")
        else:
            self.consistency.setText(tr("Weights: {weights}").format(weights=shares))
            self.consistency.setStyleSheet("")
        self.status.setText(tr("The model is valid."))
        self.status.setStyleSheet("color: #1b7837")
        return True

    def open_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("Open a suitability model"), "", tr("JSON (*.json)"))
        if path:
            self.load(path)

    def load(self, path: str) -> None:
        self.path = path
        self.set_model(json.loads(Path(path).read_text(encoding="utf-8")))

    def save_file(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, tr("Save the suitability model"), self.path or "", "JSON (*.json)"
        )
        if path:
            self.save(path)

    def save(self, path: str) -> None:
        """Write the model to ``path``; layer paths relative to the old file's folder are made
        relative to the new one, so a headless run of the saved file finds the same layers."""
        if not path.lower().endswith(".json"):
            path += ".json"
        model = self.model_dict()
        if self.path:
            model = rebase_layers(model, str(Path(self.path).parent), str(Path(path).parent))
        Path(path).write_text(json.dumps(model, ensure_ascii=False, indent=2), encoding="utf-8")
        self.path = path
        row = self.criteria_list.currentRow()
        self.set_model(model)
        self.criteria_list.setCurrentRow(max(row, 0))

    def run_model(self) -> None:
        """Open the algorithm's dialog with this model (the saved file if it is saved and unchanged)."""
        from qgis import processing

        if not self.validate():
            return
        model = self.model_dict()
        saved = (
            self.path and Path(self.path).exists() and json.loads(Path(self.path).read_text("utf-8")) == model
        )
        if not saved and self.path:
            model = rebase_layers(model, str(Path(self.path).parent))
        parameters = {"MODEL": self.path if saved else json.dumps(model, ensure_ascii=False)}
        processing.execAlgorithmDialog("territoire:site_suitability", parameters)


def rebase_layers(model: dict, base_dir: str, new_dir: str | None = None) -> dict:
    """``model`` with the layer paths relative to ``base_dir`` made relative to ``new_dir``
    (absolute when None, or when no relative path leads there); project layer names kept."""
    model = json.loads(json.dumps(model))
    if new_dir is not None and os.path.realpath(base_dir) == os.path.realpath(new_dir):
        return model
    for item in model.get("criteria", []) + model.get("constraints", []):
        reference = item.get("layer", "")
        path, _ = split_uri(reference)
        candidate = Path(base_dir) / path
        if path and not Path(path).is_absolute() and candidate.exists():
            target = str(candidate.resolve())
            if new_dir is not None:
                with contextlib.suppress(ValueError):  # another drive (Windows): stays absolute
                    target = os.path.relpath(target, new_dir)
            item["layer"] = target + reference[len(path) :]
    return model


RAW, SHOWN = Qt.ItemDataRole.UserRole, Qt.ItemDataRole.UserRole + 1


def raw_item(raw: object, text: str) -> QTableWidgetItem:
    """A table cell showing ``text`` and remembering ``raw``, the model's value it shows."""
    item = QTableWidgetItem(text)
    if raw is not None:
        item.setData(RAW, json.dumps(raw))
        item.setData(SHOWN, text)
    return item


def item_value(item: QTableWidgetItem | None, edited: object) -> object:
    """The model's value of a cell left as it was shown (exactly, "1/3" or 0.333…), else ``edited``."""
    if item is None or item.data(RAW) is None or item.text() != item.data(SHOWN):
        return edited
    return json.loads(item.data(RAW))


def _number_or_text(text: str) -> float | str:
    try:
        return float(text)
    except ValueError:
        return text.strip()
