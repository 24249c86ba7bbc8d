"""Is the version in pyproject.toml one to publish? The publish job of .github/workflows/tests.yml asks, once the
tests of the same commit have passed:

    python .github/release.py <the commit the push started from>     # "" for a manual run

It prints `version=<X.Y.Z>` and `publish=true` or `publish=false` (for $GITHUB_OUTPUT) and says why on stderr.
A version is published once: when it differs from the version in the commit the push started from, so a push of
several commits publishes its last version (of two bumps in one push, only the second); and not when a tag
v<version> says it was published already (a re-run). The first push of a branch compares with nothing; a
force-push whose old head this clone lacks compares with the parent commit. Without the registry token
(HAS_TOKEN=false) it publishes nothing and says so. Standard library only.
"""

from __future__ import annotations

import os
import subprocess
import sys

NO_COMMIT = "0" * 40  # what GitHub gives as the start of a branch's first push


def git(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], capture_output=True, encoding="utf-8")


def version_at(commit: str) -> str | None:
    """[project].version in pyproject.toml at ``commit``; None where there is none."""
    import tomllib  # Python 3.11+, which the publish job runs

    shown = git("show", f"{commit}:pyproject.toml")
    try:
        return tomllib.loads(shown.stdout)["project"]["version"] if shown.returncode == 0 else None
    except (tomllib.TOMLDecodeError, KeyError):
        return None


def decide(before: str, has_token: bool) -> tuple[str, bool, str]:
    """(version, publish it?, why)."""
    version = version_at("HEAD") or "?"
    if git("rev-parse", "-q", "--verify", f"refs/tags/v{version}").returncode == 0:
        return version, False, f"v{version} is tagged: it was published already"
    if not before:
        why = f"a manual run publishes {version}"
    elif before == NO_COMMIT:
        why = f"the first push publishes {version}"
    else:
        known = git("cat-file", "-e", f"{before}^{{commit}}").returncode == 0
        since = f"{before[:7]}, where the push started" if known else "the parent commit (the push replaced its start)"
        old = version_at(before if known else "HEAD^")
        if old == version:
            return version, False, f"version {version} is the same as in {since}: nothing to publish"
        why = f"the version went from {old} to {version} since {since}"
    if not has_token:
        return version, False, f"{why}, but the registry environment has no REGISTRY_ACCESS_TOKEN: nothing published"
    return version, True, why


def main() -> int:
    version, publish, why = decide(sys.argv[1] if len(sys.argv) > 1 else "", os.environ.get("HAS_TOKEN") == "true")
    print(f"version={version}\npublish={'true' if publish else 'false'}")
    print(f"::notice title=Publish::{why}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
