"""Runs Flee 3.1 (PyPI `flee==3.1`) on a scenario directory and writes every location's population per day.

Usage: python3 flee_run.py <scenario dir> <run index> <out.json> [hasten]

The scenario directory holds Flee's input files (locations.csv, routes.csv, closures.csv, conflicts.csv,
conflict_period.csv) and source_data/ (data_layout.csv, refugees.csv, the camp files). The settings are Flee's code
defaults (an empty YAML file), with `hasten` (the population scale-down factor, default 1). The steps of a day follow
Flee's own driver (runscripts/run.py at v3.1): new conflict zones, data-driven spawning, spawn weights, closures,
evolve. Registration corrections are not applied (they change only the validation data and the day-0 camp counts).

Flee has no seed option; this script seeds Python's and NumPy's global generators with the run index so that the
reference file can be regenerated exactly. Each run is its own process because flee.spawning keeps its debt in module
globals.

Reproduce tests/data/flee/mali/flee_3.1_runs.json (10 runs, hasten 10):
    for k in 0 1 2 3 4 5 6 7 8 9; do python3 tests/reference-scripts/flee_run.py tests/data/flee/mali $k /tmp/flee_$k.json 10; done
    python3 tests/reference-scripts/flee_run.py --merge tests/data/flee/mali/flee_3.1_runs.json /tmp/flee_?.json
"""

import json
import os
import random
import sys
import tempfile
import time

import numpy as np


def run(scenario, k, out, hasten=1):
    from flee import InputGeography, flee, spawning
    from flee.datamanager import handle_refugee_data, read_period
    from flee.SimulationSettings import SimulationSettings

    random.seed(k)
    np.random.seed(k)
    with tempfile.NamedTemporaryFile("w", suffix=".yml", delete=False) as f:
        f.write("optimisations:\n  hasten: %d\n" % hasten)
        yml = f.name
    SimulationSettings.ReadFromYML(yml)
    os.unlink(yml)
    start_date, days = read_period.read_conflict_period(os.path.join(scenario, "conflict_period.csv"))
    SimulationSettings.ConflictInputFile = os.path.join(scenario, "conflicts.csv")
    e = flee.Ecosystem()
    ig = InputGeography.InputGeography()
    ig.ReadConflictInputCSV(SimulationSettings.ConflictInputFile)
    ig.ReadLocationsFromCSV(os.path.join(scenario, "locations.csv"))
    ig.ReadLinksFromCSV(os.path.join(scenario, "routes.csv"))
    ig.ReadClosuresFromCSV(os.path.join(scenario, "closures.csv"))
    e, lm = ig.StoreInputGeographyInEcosystem(e)
    d = handle_refugee_data.RefugeeTable(
        csvformat="generic",
        data_directory=os.path.join(scenario, "source_data"),
        start_date=start_date,
        data_layout="data_layout.csv",
        population_scaledown_factor=SimulationSettings.optimisations["PopulationScaleDownFactor"],
    )
    for name in e.get_camp_names():
        spawning.add_initial_refugees(e, d, lm[name])
    names = [loc.name for loc in e.locations]
    pops = {n: [] for n in names}
    spawned = []
    agent_steps = 0
    began = time.perf_counter()
    cpu = time.process_time()
    for t in range(days):
        ig.AddNewConflictZones(e, t)
        new, _, _ = spawning.spawn_daily_displaced(e, t, d)
        spawned.append(int(new))
        spawning.refresh_spawn_weights(e)
        e.enact_border_closures(t)
        agent_steps += len(e.agents)
        e.evolve()
        for loc in e.locations:
            pops[loc.name].append(int(loc.numAgents))
    seconds = time.perf_counter() - began
    cpu_seconds = time.process_time() - cpu
    with open(out, "w") as f:
        json.dump(
            {
                "flee": "3.1",
                "run": k,
                "hasten": hasten,
                "start": start_date,
                "days": days,
                "spawned": spawned,
                "agents_end": len(e.agents),
                "agent_steps": agent_steps,
                "seconds": seconds,
                "cpu_seconds": cpu_seconds,
                "population": pops,
            },
            f,
        )


def merge(out, files):
    runs = [json.load(open(p)) for p in files]
    names = list(runs[0]["population"])
    days = runs[0]["days"]
    mean = {n: [sum(r["population"][n][t] for r in runs) / len(runs) for t in range(days)] for n in names}
    json.dump(
        {
            "flee": "3.1",
            "runs": len(runs),
            "hasten": runs[0]["hasten"],
            "start": runs[0]["start"],
            "days": days,
            "agent_steps_per_second": [r["agent_steps"] / r["seconds"] for r in runs],
            "agent_steps_per_cpu_second": [r["agent_steps"] / r["cpu_seconds"] for r in runs],
            "agent_steps": [r["agent_steps"] for r in runs],
            "spawned_total": [sum(r["spawned"]) for r in runs],
            "agents_end": [r["agents_end"] for r in runs],
            "mean_population": {n: [round(v, 3) for v in mean[n]] for n in names},
            "end_population": {n: [r["population"][n][-1] for r in runs] for n in names},
        },
        open(out, "w"),
        indent=0,
    )


if __name__ == "__main__":
    if sys.argv[1] == "--merge":
        merge(sys.argv[2], sys.argv[3:])
    else:
        run(sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4]) if len(sys.argv) > 4 else 1)
