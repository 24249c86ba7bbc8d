"""Benchmarks: measured, never asserted. Prints one Markdown table.

    .venv/bin/python benchmarks/run.py            # everything but the whole-suite timing
    .venv/bin/python benchmarks/run.py --suite    # also time the fast tier and the whole suite (as
                                                  # scripts/test.sh runs them: two xdist workers)

Needs COMFYUI_PATH / COMFYUI_PYTHON for the ComfyUI rows (scripts/comfyui-env.sh prints them).
Each timing is the median of several runs in fresh processes; the spread is printed beside it.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

TEMPLATE = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(TEMPLATE / "tests"))
from matrix import combinations, combo_id  # noqa: E402

ROWS: list[tuple[str, str, str, str]] = []  # (what, measured, reference, target)


def row(what: str, measured: str, reference: str = "", target: str = "") -> None:
    ROWS.append((what, measured, reference, target))
    print(f"  {what}: {measured}  {reference}  {target}", file=sys.stderr)


def run_measured(cmd: list[str], cwd: Path | None = None, env: dict | None = None) -> tuple[float, int]:
    """Wall seconds and peak RSS (KiB) of one child process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        raise RuntimeError(f"{cmd} failed: {proc.stderr.read().decode()[-2000:]}")
    return elapsed, usage.ru_maxrss


def median_spread(values: list[float]) -> tuple[float, float]:
    return statistics.median(values), (max(values) - min(values))


def floor_template(root: Path) -> Path:
    """The cheapest possible cookiecutter template: one variable, one file, no hooks."""
    tpl = root / "floor"
    (tpl / "{{cookiecutter.project_slug}}").mkdir(parents=True)
    (tpl / "cookiecutter.json").write_text(json.dumps({"project_slug": "floor"}))
    (tpl / "{{cookiecutter.project_slug}}" / "README.md").write_text("# {{ cookiecutter.project_slug }}\n")
    return tpl


def bench_bakes(repeats: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        floor = floor_template(root)

        def bake(template: Path, extra: dict) -> tuple[float, int]:
            out = Path(tempfile.mkdtemp(dir=root))
            args = [f"{k}={v}" for k, v in extra.items()]
            cmd = [sys.executable, "-m", "cookiecutter", "--no-input", "-o", str(out), str(template), *args]
            return run_measured(cmd)

        floor_runs = [bake(floor, {}) for _ in range(repeats)]
        floor_t, floor_spread = median_spread([t for t, _ in floor_runs])
        floor_mem = statistics.median([m for _, m in floor_runs])
        floor_text = f"{floor_t * 1000:.0f} ms ±{floor_spread * 500:.0f}, {floor_mem / 1024:.1f} MiB"
        row("bake: one-file template (floor)", floor_text)
        default = [bake(TEMPLATE, {}) for _ in range(repeats)]
        t, spread = median_spread([t for t, _ in default])
        mem = statistics.median([m for _, m in default])
        row(
            "bake: defaults (server, v3)",
            f"{t * 1000:.0f} ms ±{spread * 500:.0f}, {mem / 1024:.1f} MiB",
            f"{t / floor_t:.2f}x floor time, {mem / floor_mem:.2f}x floor memory",
            "<= 1.2x time, <= 1.1x memory",
        )
        for combo in combinations():
            runs = [bake(TEMPLATE, combo)[0] for _ in range(max(2, repeats // 2))]
            t, spread = median_spread(runs)
            row(f"bake: {combo_id(combo)}", f"{t * 1000:.0f} ms ±{spread * 500:.0f}", f"{t / floor_t:.2f}x floor")


def bake_pack(root: Path, **answers) -> Path:
    args = [f"{k}={v}" for k, v in answers.items()]
    subprocess.run(
        [sys.executable, "-m", "cookiecutter", "--no-input", "-o", str(root), str(TEMPLATE), *args],
        check=True,
        capture_output=True,
    )
    return root / answers.get("project_slug", "my-node-pack")


IMPORT_PROBE = textwrap.dedent(
    """
    import asyncio, sys, time
    from comfy.cli_args import args
    args.cpu = True
    import utils.extra_config  # claim "utils" before nodes.py edits sys.path
    import server
    class FakeServer:
        routes = __import__("aiohttp").web.RouteTableDef()
        client_id = None
        def send_sync(self, *a, **k): pass
    server.PromptServer.instance = FakeServer()
    import nodes
    import comfy_api.v0_0_2  # nodes.py has imported it (comfy_api.version_list) before any pack loads
    start = time.perf_counter()
    ok = asyncio.run(nodes.load_custom_node(sys.argv[1]))
    print(time.perf_counter() - start if ok else "failed")
    """
)


def bench_comfyui(repeats: int) -> None:
    comfy, python = os.environ.get("COMFYUI_PATH"), os.environ.get("COMFYUI_PYTHON")
    if not comfy or not python:
        row("ComfyUI rows", "skipped: set COMFYUI_PATH and COMFYUI_PYTHON")
        return
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        empty = root / "empty_pack"
        empty.mkdir()
        (empty / "__init__.py").write_text("NODE_CLASS_MAPPINGS = {}\n")
        packs = {"empty pack": empty}
        for cat in ("server", "connected"):
            for api in ("v3", "v1"):
                packs[f"{cat}/{api}"] = bake_pack(root / f"{cat}-{api}", node_category=cat, node_api=api)
        # ComfyUI itself parses every pack's pyproject.toml while loading it: the same cost for any
        # registry-ready pack, so a second reference is the empty pack with the default pack's pyproject.
        empty_pyproject = root / "empty_with_pyproject"
        empty_pyproject.mkdir()
        (empty_pyproject / "__init__.py").write_text("NODE_CLASS_MAPPINGS = {}\n")
        (empty_pyproject / "pyproject.toml").write_bytes((packs["server/v3"] / "pyproject.toml").read_bytes())
        packs = {
            "empty pack": empty,
            "empty pack + pyproject.toml": empty_pyproject,
            **{k: v for k, v in packs.items() if k != "empty pack"},
        }
        env = {**os.environ, "PYTHONPATH": comfy}
        times = {}
        for name, path in packs.items():
            runs = []
            for _ in range(2 * repeats):
                cmd = [python, "-c", IMPORT_PROBE, str(path)]
                out = subprocess.run(cmd, cwd=comfy, env=env, capture_output=True, text=True)
                runs.append(float(out.stdout.strip().splitlines()[-1]))
            times[name] = (min(runs), statistics.median(runs))
        # The fastest of the runs: the machine's noise (a few ms) only ever adds time.
        base, base_py = times["empty pack"][0], times["empty pack + pyproject.toml"][0]
        for name, (t, median) in times.items():
            measured = f"{t * 1000:.1f} ms (median {median * 1000:.1f})"
            if name == "empty pack":
                row(f"import in ComfyUI: {name}", measured)
            elif name.startswith("empty pack"):
                row(f"import in ComfyUI: {name}", measured, f"{(t - base) * 1000:+.1f} ms over the empty pack")
            else:
                compared = (
                    f"{(t - base) * 1000:+.1f} ms over the empty pack, "
                    f"{(t - base_py) * 1000:+.1f} ms over it with the same pyproject.toml"
                )
                row(f"import in ComfyUI: {name}", measured, compared, "<= +5 ms")

        harness = _load_harness(packs["server/v3"])
        starts = {"without the pack": [], "with the default pack": []}
        for i in range(max(3, repeats // 2)):
            for label, pack in (("without the pack", None), ("with the default pack", packs["server/v3"])):
                base_dir = root / f"start-{i}-{label.replace(' ', '_')}"
                (base_dir / "custom_nodes").mkdir(parents=True)
                if pack:
                    harness.install_pack(pack, base_dir / "custom_nodes")
                server = harness.ComfyUI(comfy, base_dir, python=python)
                start = time.perf_counter()
                server.start()
                starts[label].append(time.perf_counter() - start)
                server.stop()
        without = median_spread(starts["without the pack"])
        with_pack = median_spread(starts["with the default pack"])
        row("ComfyUI start-up, without the pack", f"{without[0]:.2f} s ±{without[1] / 2:.2f}")
        row(
            "ComfyUI start-up, with the default pack",
            f"{with_pack[0]:.2f} s ±{with_pack[1] / 2:.2f}",
            f"{(with_pack[0] / without[0] - 1) * 100:+.1f} %",
            "<= +2 %",
        )


def _load_harness(pack: Path):
    import importlib.util

    spec = importlib.util.spec_from_file_location("bench_harness", pack / "tests" / "comfyui_harness.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def bench_throughput(repeats: int) -> None:
    import torch

    with tempfile.TemporaryDirectory() as tmp:
        pack = bake_pack(Path(tmp), node_api="v1")
        sys.path.insert(0, str(pack))
        from my_node_pack import nodes

        image = torch.rand(4, 1024, 1024, 3)
        node = nodes.InvertImage()
        for strength, label, raw in (
            (1.0, "strength 1 (1 - x)", lambda: 1.0 - image),
            (0.5, "strength 0.5 (lerp)", lambda: torch.lerp(image, 1.0 - image, 0.5)),
        ):

            def best(fn) -> float:
                fn()  # warm up
                return min(_timed(fn) for _ in range(repeats))

            node_t = best(lambda s=strength: node.execute(image, s))
            raw_t = best(raw)
            mpix = image.numel() / 3 / 1e6
            row(
                f"Invert Image node, 4x1024x1024x3, {label}",
                f"{mpix / node_t:.0f} Mpx/s",
                f"raw torch op {mpix / raw_t:.0f} Mpx/s ({raw_t / node_t:.2f}x)",
                ">= 0.8x raw",
            )


def bench_frontend() -> None:
    """Per flavour: what ships, npm ci (cold and warm cache), node_modules, type-check, tests and build."""
    import gzip
    import shutil

    npm = shutil.which("npm")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for flavour in ("js", "ts", "react", "vue"):
            pack = bake_pack(root / flavour, node_category="connected", frontend=flavour)
            web = pack / "web"
            shipped = [web / "main.js"] if flavour == "js" else [web / "pack.js", *sorted((web / "dist").iterdir())]
            raw = sum(len(p.read_bytes()) for p in shipped)
            gz = sum(len(gzip.compress(p.read_bytes(), 9)) for p in shipped)
            files = ", ".join(p.relative_to(web).as_posix() for p in shipped)
            row(f"front end {flavour}: what ships (connected pack)",
                f"{raw / 1024:.1f} KiB raw, {gz / 1024:.1f} KiB gzipped", files)  # fmt: skip
            ui = pack / "ui"
            for label, env in (("cold cache", {"npm_config_cache": str(root / "npm-cache")}), ("warm cache", {})):
                shutil.rmtree(ui / "node_modules", ignore_errors=True)
                elapsed, _ = run_measured([npm, "ci", "--no-audit", "--no-fund"], cwd=ui, env={**os.environ, **env})
                row(f"front end {flavour}: npm ci ({label})", f"{elapsed:.1f} s")
            size = sum(p.stat().st_size for p in (ui / "node_modules").rglob("*") if p.is_file())
            row(f"front end {flavour}: node_modules", f"{size / 2**20:.0f} MiB")
            scripts = ["typecheck", "test"] + ([] if flavour == "js" else ["build"])
            for script in scripts:
                elapsed, _ = run_measured([npm, "run", script], cwd=ui)
                row(f"front end {flavour}: npm run {script}", f"{elapsed:.1f} s")


def _timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def bench_suite() -> None:
    for label, args in (("fast tier (-m 'not real')", ["-m", "not real"]), ("whole suite", [])):
        start = time.perf_counter()
        cmd = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-n", "2", "--dist", "loadgroup", *args]
        out = subprocess.run(cmd, cwd=TEMPLATE,
                             capture_output=True, text=True)  # fmt: skip
        elapsed = time.perf_counter() - start
        summary = out.stdout.strip().splitlines()[-1] if out.stdout.strip() else out.stderr[-200:]
        target = "< 60 s" if "fast" in label else "< 20 min"
        row(f"test suite: {label}", f"{elapsed:.0f} s", summary, target)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--suite", action="store_true", help="also time the fast tier and the whole suite")
    opts = parser.parse_args()
    bench_bakes(opts.repeats)
    bench_comfyui(opts.repeats)
    bench_throughput(opts.repeats)
    bench_frontend()
    if opts.suite:
        bench_suite()
    print(f"\nMeasured {time.strftime('%Y-%m-%d')} on {os.cpu_count()} cores, Python {sys.version.split()[0]}.\n")
    print("| what | measured | compared | target |")
    print("| --- | --- | --- | --- |")
    for r in ROWS:
        print("| " + " | ".join(r) + " |")


if __name__ == "__main__":
    main()
