"""The develop loop the packs' README teaches, for the built front ends: the pack linked (not copied) into
custom_nodes, `npm run watch` rebuilding web/dist/ on every save, and a page reload serving the rebuilt
module. (Linked packs loading at all is proven for every pack by its own real test, which links it.)"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import time

import pytest
from comfyui import ComfyUI, hosts, missing
from conftest import COMBOS, bake_fixture
from matrix import effective

pytestmark = pytest.mark.real

HOST = next((h for h in hosts() if h.name == "0.33.0"), next(iter(hosts()), None))
built_pack = bake_fixture([c for c in COMBOS if effective(c) == c and c["node_category"] == "client"
                           and c["frontend"] != "js"])  # fmt: skip
APP = "window.comfyAPI?.app?.app"


def test_a_saved_source_is_rebuilt_and_served_after_a_reload(built_pack, browser, tmp_path):
    if HOST is None:
        missing("no ComfyUI to run: set COMFYUI_PATH, or let scripts/test.sh provision them")
    npm = shutil.which("npm") or pytest.fail("npm is not installed")
    pack = built_pack.copy(tmp_path / "src")
    subprocess.run([npm, "ci", "--no-audit", "--no-fund", "--prefer-offline"], cwd=pack / "ui", check=True,
                   capture_output=True)  # fmt: skip
    base = tmp_path / "comfyui"
    (base / "custom_nodes").mkdir(parents=True)
    (base / "custom_nodes" / pack.name).symlink_to(pack, target_is_directory=True)  # README: ln -s "$PWD" ...
    watch = subprocess.Popen([npm, "run", "watch"], cwd=pack / "ui", stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL, start_new_session=True)  # fmt: skip
    built = pack / "web" / "dist" / "main.js"
    js = built_pack.answers["__js_prefix"]
    try:
        with ComfyUI(HOST, base) as server:
            context = browser.new_context()
            page = context.new_page()
            page.goto(server.url)
            setting = f"() => {APP}.extensionManager?.setting.get('{js}.Hello.Greeting')"
            page.wait_for_function(f"{setting} === 'Hello from ComfyUI!'", timeout=60_000)

            source = pack / "ui" / "src" / "extensions" / "hello.ts"
            source.write_text(source.read_text().replace('"Hello from ComfyUI!"', '"Hello again!"'))
            deadline = time.monotonic() + 180  # the watcher rebuilds on save (slowly on a busy machine)
            while not built.exists() or b"Hello again!" not in built.read_bytes():  # emptied while rebuilding
                assert time.monotonic() < deadline and watch.poll() is None, "npm run watch did not rebuild"
                time.sleep(0.2)
            status, served = server.get(f"/extensions/{pack.name}/dist/main.js")
            assert status == 200 and b"Hello again!" in served  # ComfyUI serves the linked folder's new build
            page.reload()
            page.wait_for_function(f"{setting} === {json.dumps('Hello again!')}", timeout=120_000)
            context.close()
    finally:
        os.killpg(watch.pid, signal.SIGTERM)
        watch.wait(timeout=30)
