"""A connected pack keeps what users save where ComfyUI keeps user data, on both ComfyUI versions.

With --multi-user: each user sees only their own saved presets, through the routes and in the sidebar tab;
the node offers only the shipped presets (every user shares its list, and a queued workflow says nothing
about who queued it); the pack's git tree stays clean; and a reinstall of the pack keeps the saves. The
single-user case (the node also offers what the user saved) is in test_real_comfyui.py.
"""

from __future__ import annotations

import json
import shutil

import pytest
from comfyui import ComfyUI, git, hosts, missing
from conftest import COMBOS, bake_fixture
from matrix import effective

pytestmark = pytest.mark.real

TREES = [h for h in hosts() if not h.newest_front_end]  # one host per ComfyUI tree
# A connected pack per node API; the sidebar tab in two front ends (each calls the routes with api.fetchApi,
# which sends the user's Comfy-User header).
PACKS = [c for c in COMBOS if effective(c) == c and c["node_category"] == "connected"
         and (c["node_api"], c["frontend"]) in {("v3", "js"), ("v1", "vue")}]  # fmt: skip
connected_pack = bake_fixture(PACKS)


@pytest.fixture(scope="module", params=TREES or [None], ids=[h.name for h in TREES] or ["no-host"])
def tree(request):
    if request.param is None:
        missing("no ComfyUI to run: set COMFYUI_PATH, or let scripts/test.sh provision them")
    return request.param


def test_saves_are_per_user_outside_the_pack_and_survive_a_reinstall(connected_pack, tree, browser, tmp_path):
    a = connected_pack.answers
    repo = connected_pack.copy(tmp_path / "repo")
    for args in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-q", "-m", "Initial commit"]):
        git(*args, cwd=repo)
    base, folder = tmp_path / "comfyui", a["project_slug"]
    git("clone", "-q", str(repo), str(base / "custom_nodes" / folder), cwd=tmp_path)
    route, node = f"/{a['__route_prefix']}/presets", f"{a['node_prefix']}_ApplyPreset"

    def names(server, user):
        status, body = server.get(route, headers={"comfy-user": user})
        assert status == 200, body
        return {p["name"] for p in body["presets"]}

    with ComfyUI(tree, base, args=["--multi-user"]) as server:
        alice, bob = (server.post_json("/users", {"username": name})[1] for name in ("alice", "bob"))
        for user in (alice, bob):  # no first-run tutorial in the page
            settings = base / "user" / user / "comfy.settings.json"
            settings.parent.mkdir(parents=True, exist_ok=True)
            settings.write_text(json.dumps({"Comfy.TutorialCompleted": True}))
        assert server.post_json(route, {"name": "alices", "strength": 0.2}, {"comfy-user": alice})[0] == 201
        assert server.post_json(route, {"name": "bobs", "strength": 0.8}, {"comfy-user": bob})[0] == 201
        assert names(server, alice) == {"full", "soft", "alices"}
        assert names(server, bob) == {"full", "soft", "bobs"}
        assert server.get(route, headers={"comfy-user": "mallory"}) == (403, {"error": "unknown user"})
        saved = base / "user" / alice / a["__registry_name"] / "presets" / "alices.json"
        assert json.loads(saved.read_text()) == {"strength": 0.2}
        assert git("status", "--porcelain", cwd=base / "custom_nodes" / folder).stdout == ""
        preset = server.get(f"/object_info/{node}")[1][node]["input"]["required"]["preset"]
        assert (preset[1]["options"] if preset[0] == "COMBO" else preset[0]) == ["full", "soft"]
        # The sidebar tab, as alice: the front end sends her Comfy-User header with every route call.
        context = browser.new_context(viewport={"width": 1400, "height": 900})
        context.add_init_script(f"localStorage['Comfy.userId'] = {json.dumps(alice)};"
                                "localStorage['Comfy.userName'] = 'alice';")  # fmt: skip
        page = context.new_page()
        page.goto(server.url)
        page.wait_for_function("() => window.comfyAPI?.app?.app?.graph", timeout=60_000)
        page.locator("button.side-bar-button[aria-label='Invert presets']").click()
        page.wait_for_function("() => document.querySelector('ul[data-role=presets]')?.textContent.includes('alices')")
        assert "bobs" not in page.locator("ul[data-role=presets]").text_content()
        context.close()

    shutil.rmtree(base / "custom_nodes" / folder)  # reinstall the pack, as an update from the registry would
    git("clone", "-q", str(repo), str(base / "custom_nodes" / folder), cwd=tmp_path)
    with ComfyUI(tree, base, args=["--multi-user"]) as server:
        assert names(server, alice) == {"full", "soft", "alices"}
        assert names(server, bob) == {"full", "soft", "bobs"}
