"""Peer for benches/sim_flee.rs: Flee 3.1's own run loop on its Mali 2012 scenario (tests/data/flee/mali), timed.

Each run is tests/reference-scripts/flee_run.py in its own process (flee.spawning keeps its debt in module globals):
Flee's code defaults with the population scale-down factor `hasten`, the day's steps of Flee's driver (new conflict
zones, data-driven spawning, spawn weights, closures, evolve), timed with perf_counter around the day loop only
(reading the input files is outside). An agent-step is one agent on one day: `len(e.agents)` summed over the days
(Flee keeps every agent it spawned; the Mali scenario has no sinks), the same count the Rust bench makes.

Run: python3 benches/peers/flee_bench.py [runs] [hasten]      (default 3 runs, hasten 10)
"""
import json
import os
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
SCRIPT = os.path.join(ROOT, "tests", "reference-scripts", "flee_run.py")
SCENARIO = os.path.join(ROOT, "tests", "data", "flee", "mali")


def main():
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    hasten = int(sys.argv[2]) if len(sys.argv) > 2 else 10
    rates, cpu_rates, seconds = [], [], []
    for k in range(runs):
        with tempfile.TemporaryDirectory() as tmp:
            out = os.path.join(tmp, "run.json")
            subprocess.run([sys.executable, SCRIPT, SCENARIO, str(k), out, str(hasten)], check=True)
            r = json.load(open(out))
        rates.append(r["agent_steps"] / r["seconds"])
        cpu_rates.append(r["agent_steps"] / r["cpu_seconds"])
        seconds.append(r["seconds"])
        print(
            f"flee 3.1 run {k}: hasten {hasten}, {r['agents_end']} agents at the end, {r['agent_steps']} agent-steps "
            f"in {r['seconds']:.3f} s wall ({r['cpu_seconds']:.3f} s cpu): {rates[-1]:,.0f} agent-steps/s wall, "
            f"{cpu_rates[-1]:,.0f} /cpu-s",
            flush=True,
        )
    print(
        f"flee 3.1 median over {runs} runs: {statistics.median(seconds):.3f} s, "
        f"{statistics.median(rates):,.0f} agent-steps/s wall, {statistics.median(cpu_rates):,.0f} /cpu-s"
    )


if __name__ == "__main__":
    main()
