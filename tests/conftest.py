"""Shared fixtures: one bake per combination (or per distinct artefact), reused by every check on it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from matrix import AXES, TEMPLATE, combinations, combo_id, distinct, effective  # noqa: E402

sys.path.insert(0, str(TEMPLATE))  # local_extensions.py, as cookiecutter itself sees it
COMBOS = combinations()


class Pack:
    """A baked pack: its folder, the answers it was baked with, and helpers to look at it."""

    def __init__(self, result):
        assert result.exception is None, f"bake failed: {result.exception!r}"
        assert result.exit_code == 0
        self.path = Path(result.project_path)
        self.answers = dict(result.context)
        self.effective = effective(self.answers)  # the answers that shape it (matrix.effective)

    def files(self) -> set[str]:
        return {p.relative_to(self.path).as_posix() for p in self.path.rglob("*") if p.is_file()}

    def dirs(self) -> set[str]:
        return {p.relative_to(self.path).as_posix() for p in self.path.rglob("*") if p.is_dir()}

    def read(self, rel: str) -> str:
        return (self.path / rel).read_text(encoding="utf-8")

    def run(self, *cmd, cwd: Path | None = None, env: dict | None = None, timeout: int = 600):
        """Run a command in the pack (or in ``cwd``) without leaving caches behind."""
        full_env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "RUFF_NO_CACHE": "true", **(env or {})}
        return subprocess.run(
            [str(c) for c in cmd], cwd=cwd or self.path, capture_output=True, text=True, env=full_env, timeout=timeout
        )

    def copy(self, dest: Path) -> Path:
        """A copy of the pack, for commands that write into the folder (builds, installs)."""
        return Path(shutil.copytree(self.path, dest / self.path.name))


def bake_fixture(combos: list[dict]):
    """A session fixture that bakes each of ``combos`` once."""

    @pytest.fixture(scope="session", params=combos, ids=[combo_id(c) for c in combos])
    def fixture(request, cookies_session) -> Pack:
        return Pack(cookies_session.bake(extra_context=request.param, template=str(TEMPLATE)))

    return fixture


pack = bake_fixture(COMBOS)  # every combination the prompts allow
PYTHON_SIDE = ("node_category", "node_api", "model_loader")  # the answers that shape a pack's Python side
python_pack = bake_fixture(distinct(COMBOS, PYTHON_SIDE))  # each distinct Python side
front_end_pack = bake_fixture(  # each distinct front end
    distinct([c for c in COMBOS if c["node_category"] != "server"], ("node_category", "frontend"))
)
distinct_pack = bake_fixture(distinct(COMBOS, AXES))  # each distinct pack


@pytest.fixture(scope="session")
def template() -> Path:
    return TEMPLATE


CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
]  # fmt: skip


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, driven by Playwright (which never downloads a browser here)."""
    from comfyui import missing

    if not Path(CHROMIUM).exists():
        missing(f"no Chromium at {CHROMIUM}")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def real_group(nodeid: str) -> str | None:
    """The pack (and host) a real-tier test runs on, read from its id: the tests of a group share one
    ComfyUI (and one bake, one install)."""
    if "/test_real_" in nodeid and nodeid.endswith("]"):
        return nodeid[nodeid.index("[") :]
    return None


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    """With pytest-xdist (-n), each group stays on one worker, sent whole; other tests go one by one."""
    from xdist.scheduler import LoadScopeScheduling

    class ByGroup(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return real_group(nodeid) or nodeid

    return ByGroup(config, log)


def pytest_configure(config):
    config.addinivalue_line(
        "markers",
        "once_per(*answers, pinned_front_end=False): run a real-tier check for the first pack selected (on each "
        "host) of those that share these answers; with pinned_front_end, only on hosts with the front end their "
        "ComfyUI pins",
    )


def once_per_group(item) -> tuple | None:
    """The group a once_per check runs once for (None: the item runs), or "no" when its host is left out."""
    marker = item.get_closest_marker("once_per")
    params = getattr(item, "callspec", None) and item.callspec.params
    if marker is None or not params or "distinct_pack" not in params or "host" not in params:
        return None
    host, answers = params["host"], effective(params["distinct_pack"])
    if marker.kwargs.get("pinned_front_end") and host is not None and host.newest_front_end:
        return ("no",)
    return (item.originalname, getattr(host, "name", None), *(answers[k] for k in marker.args))


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    """Keep each once_per check for the first pack selected of those it stands for (after -k and -m, so a check
    selected alone runs), then run each real-tier group together, in its files' order: pytest would otherwise
    interleave groups and tear down and start their ComfyUI again."""
    seen, kept, left = set(), [], []
    for item in items:
        group = once_per_group(item)
        if group is not None and (group == ("no",) or group in seen):
            left.append(item)
        else:
            seen.add(group)
            kept.append(item)
    if left:
        config.hook.pytest_deselected(items=left)
        items[:] = kept
    order = {id(item): i for i, item in enumerate(items)}
    first = {}
    for item in items:
        first.setdefault(real_group(item.nodeid), order[id(item)])
    items.sort(key=lambda item: (first[real_group(item.nodeid)], order[id(item)]))


def pytest_terminal_summary(terminalreporter):
    """The time each tier took, then the real tier as a table: each distinct pack on each host, its checks
    passed out of those run."""
    from comfyui import hosts

    spent = {"fast": 0.0, "tools": 0.0, "real": 0.0}
    for reports in terminalreporter.stats.values():
        for report in reports:
            if isinstance(getattr(report, "duration", None), float) and hasattr(report, "keywords"):
                spent["real" if "real" in report.keywords else "tools" if "tools" in report.keywords else "fast"] += (
                    report.duration
                )
    terminalreporter.write_sep("-", "time per tier: test durations added up over the workers")
    terminalreporter.write_line(", ".join(f"{tier} {seconds:.0f} s" for tier, seconds in spent.items()))

    order = [h.name for h in hosts()]
    names = sorted(order, key=len, reverse=True)  # "0.33.0+fe-newest" before "0.33.0"
    outcomes: dict[tuple[str, str], dict[str, str]] = {}
    for outcome in ("passed", "failed", "error", "skipped"):
        for report in terminalreporter.stats.get(outcome, []):
            nodeid = getattr(report, "nodeid", "")
            if "/test_real_comfyui.py::" not in nodeid or not nodeid.endswith("]"):
                continue
            param = nodeid[nodeid.index("[") + 1 : -1]
            host = next((h for h in names if param.endswith("-" + h)), None)
            if host is None:
                continue
            pack = param[: -len(host) - 1].replace("-", " ")
            seen = outcomes.setdefault((pack, host), {})
            if seen.get(nodeid) not in ("failed", "error"):  # a failed teardown counts against a passed call
                seen[nodeid] = outcome
    if not outcomes:
        return
    hosts_run = [h for h in order if any(host == h for _, host in outcomes)]
    terminalreporter.write_sep("-", "real tier: checks passed / run (skipped: not applicable), per pack and host")
    terminalreporter.write_line("| pack (kind api front end) | " + " | ".join(hosts_run) + " |")
    terminalreporter.write_line("| --- |" + " --- |" * len(hosts_run))
    for pack in sorted({p for p, _ in outcomes}):
        cells = []
        for host in hosts_run:
            seen = list(outcomes.get((pack, host), {}).values())
            run = [o for o in seen if o != "skipped"]
            ok = run.count("passed")
            if not run:
                cells.append("skipped" if seen else "-")
            else:
                cells.append(f"{ok}/{len(run)}" + ("" if ok == len(run) else " FAILED"))
        terminalreporter.write_line(f"| {pack} | " + " | ".join(cells) + " |")
