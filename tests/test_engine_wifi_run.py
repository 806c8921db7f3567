"""Wi-Fi runs (engine.wifi_run) and their options, on small synthetic scenes (no QGIS)."""

from __future__ import annotations

import inspect
import threading

import numpy as np
import pytest
from scipy import sparse
from shapely.geometry import box

from territoire_numerique.engine import wifi_placement
from territoire_numerique.engine.errors import Cancelled, EngineError
from territoire_numerique.engine.options import make_options, option_specs
from territoire_numerique.engine.wifi_options import PlacementOptions, RadioOptions
from territoire_numerique.engine.wifi_placement import _Problem, _solve_mip, _Solver, place
from territoire_numerique.engine.wifi_propagation import Hotspot, RadioSettings
from territoire_numerique.engine.wifi_run import (
    Demand,
    Obstacles,
    Report,
    run_coverage,
    run_placement,
    study_grid,
)


class Recorder(Report):
    """A report that keeps what the run says, and cancels once ``cancel_at`` progress is reached."""

    def __init__(self, cancel_at: float | None = None) -> None:
        self.lines: list[str] = []
        self.steps: list[str] = []
        self.stopped = False
        self.cancel_at = cancel_at
        super().__init__(
            log=lambda message: self.lines.append(message.message),
            warn=lambda message: self.lines.append(message.message),
            step=lambda message: self.steps.append(message.message),
            progress=self.move,
            cancelled=lambda: self.stopped,
        )

    def move(self, percent: float) -> None:
        if self.cancel_at is not None and percent >= self.cancel_at:
            self.stopped = True


def test_options_defaults_are_the_engines():
    """The options' defaults (the dialog's) are the propagation engine's and the hotspot's."""
    assert RadioOptions().settings() == RadioSettings()
    hotspot = Hotspot(0, 0.0, 0.0)
    assert RadioOptions().defaults == {
        "eirp": hotspot.eirp_dbm,
        "height": hotspot.height_m,
        "frequency": hotspot.frequency_mhz,
    }
    goal = PlacementOptions()
    defaults = {name: value.default for name, value in inspect.signature(place).parameters.items()}
    assert (goal.mode, goal.count, goal.target_pct, goal.time_limit) == tuple(
        defaults[name] for name in ("mode", "count", "target_pct", "time_limit")
    )


def test_choices_take_keys_or_old_indexes_and_advanced_settings_explain_their_default():
    assert make_options(RadioOptions, {"MODEL": 0, "INDOOR": "traditional", "DEMAND_AT": 1}) == RadioOptions(
        model="free_space", indoor="traditional", demand_at="building"
    )
    assert make_options(PlacementOptions, {"MODE": 2}, budget=5.0).mode == "budget"
    with pytest.raises(EngineError):
        make_options(RadioOptions, {"THRESHOLD": 10})
    for options in (RadioOptions, PlacementOptions):
        for _name, spec, _default in option_specs(options):
            assert not spec.advanced or spec.help, spec.parameter


def street() -> tuple[list[Hotspot], Obstacles, Demand]:
    """A hotspot in a square; a tall block east of it shadows a house; a house north is in view."""
    hotspots = [Hotspot(11, 200.0, 200.0, name="Mairie")]
    block, shadowed, in_view = box(232, 192, 248, 208), box(274, 194, 286, 206), box(194, 234, 206, 246)
    obstacles = Obstacles(buildings=[(block, 20.0), (shadowed, 6.0), (in_view, 6.0)])
    return hotspots, obstacles, Demand([shadowed, in_view], np.array([50.0, 30.0]))


def test_coverage_run_gives_the_outputs_contents():
    hotspots, obstacles, demand = street()
    report = Recorder()
    run = run_coverage(
        hotspots,
        obstacles,
        RadioOptions(),
        "",
        extent=(0.0, 0.0, 400.0, 400.0),
        demand=demand,
        zones=[box(0, 0, 400, 400)],
        report=report,
    )
    assert run.grid.shape == (200, 200) and run.hotspot_count == 1
    assert run.covered_pct == pytest.approx(100.0 * 30.0 / 80.0)  # in front: the house in view only
    assert run.zone_rows()[0]["demand_total"] == 80.0 and run.zone_rows()[0]["demand_usable"] == 30.0
    assert {row["level"] for _shape, row in run.polygons} == {"usable", "good"}
    assert run.area_m2 == pytest.approx(sum(row["area_m2"] for _shape, row in run.polygons))  # usable + good
    row = run.hotspot_rows()[0]
    assert row["hotspot_id"] == 11 and row["covered_m2"] > 0 and row["overlap_m2"] == 0
    assert report.lines[0] == "Grid of {rows} × {cols} cells of {cell} m."
    assert "Line of sight and signal of each hotspot" in report.steps and not run.warnings
    on_building = run_coverage(
        hotspots, obstacles, RadioOptions(demand_at="building"), "", (0.0, 0.0, 400.0, 400.0), demand
    )
    assert on_building.covered_pct == pytest.approx(100.0 * 30.0 / 80.0) and on_building.shares is None


def test_a_grid_too_large_for_memory_is_refused_before_any_work():
    with pytest.raises(EngineError, match="million cells"):
        study_grid((0.0, 0.0, 100_000.0, 100_000.0), 1.0, "")


def test_placement_run_picks_the_site_that_sees_the_shadowed_house():
    hotspots, obstacles, demand = street()
    sites = [Hotspot(1, 280.0, 220.0, name="east"), Hotspot(2, 20.0, 20.0, name="corner")]
    run = run_placement(
        sites, hotspots, obstacles, demand, RadioOptions(), PlacementOptions(count=1), "", report=Recorder()
    )
    assert [row["site"] for _site, row in run.selected_rows()] == ["east"]
    assert run.result.before_pct == pytest.approx(100.0 * 30.0 / 80.0) and run.result.after_pct == 100.0
    assert run.uncovered() == [] and run.curve_rows()[0]["covered_weight"] == 30.0
    assert len(run.existing) == 1


def test_a_cancelled_placement_run_stops():
    hotspots, obstacles, demand = street()
    sites = [Hotspot(j + 1, 150.0 + 10.0 * j, 250.0) for j in range(8)]
    for cancel_at in (5.0, 50.0, 69.0):
        report = Recorder(cancel_at)
        with pytest.raises(Cancelled):
            run_placement(
                sites, hotspots, obstacles, demand, RadioOptions(), PlacementOptions(), "", report=report
            )


def test_every_loop_of_the_solver_honours_cancel():
    generator = np.random.default_rng(4)
    matrix = sparse.random(3000, 300, density=0.02, random_state=generator, format="csc") > 0
    weights = generator.integers(1, 50, 3000).astype(float)
    with pytest.raises(Cancelled):
        place(matrix, weights, np.zeros(3000, bool), count=10, cancelled=lambda: True)
    calls = []

    def cancelled() -> bool:  # false at first: the run gets past the reduction, then stops
        calls.append(1)
        return len(calls) > 6

    with pytest.raises(Cancelled):
        place(matrix, weights, np.zeros(3000, bool), count=10, cancelled=cancelled)
    assert len(calls) == 7


def test_a_solve_apart_gives_the_same_answer_and_is_killed_on_cancel():
    """A MIP in a child Python process: the same plan as in this process; cancelled while it runs,
    the child is killed and Cancelled raised (the solve would take far longer)."""
    if wifi_placement.solver_python() is None:
        pytest.skip("no Python interpreter to run the solver apart")
    generator = np.random.default_rng(6)
    small = sparse.random(500, 40, density=0.05, random_state=generator, format="csr") > 0
    problem = _Problem(
        small, generator.integers(1, 50, 500).astype(float), np.ones(40), "count", 5, None, 0.0
    )
    lines: list[str] = []
    apart = _solve_mip(problem, 0.0, 60.0, _Solver(lambda: False, lines.append, apart=True))
    assert apart == _solve_mip(problem, 0.0, 60.0) and lines == []
    large = sparse.random(30000, 2000, density=0.01, random_state=generator, format="csr") > 0
    problem = _Problem(
        large, generator.integers(1, 50, 30000).astype(float), np.ones(2000), "count", 50, None, 0.0
    )
    stop = threading.Event()
    threading.Timer(1.0, stop.set).start()
    children: list = []
    solver = _Solver(stop.is_set, lines.append, apart=True)
    run = solver._run

    def spy(command, folder, errors):
        children.append(command)
        return run(command, folder, errors)

    solver._run = spy
    with pytest.raises(Cancelled):
        _solve_mip(problem, 0.0, 600.0, solver)
    assert children and lines == []


def test_without_an_interpreter_the_solver_runs_here_and_says_so(monkeypatch):
    monkeypatch.setattr(wifi_placement, "solver_python", lambda: None)
    generator = np.random.default_rng(6)
    small = sparse.random(500, 40, density=0.05, random_state=generator, format="csr") > 0
    problem = _Problem(
        small, generator.integers(1, 50, 500).astype(float), np.ones(40), "count", 5, None, 0.0
    )
    lines: list = []
    assert _solve_mip(problem, 0.0, 60.0, _Solver(lambda: False, lines.append, apart=True)) is not None
    assert len(lines) == 1 and "No Python interpreter" in lines[0]
