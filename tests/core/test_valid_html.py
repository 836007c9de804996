"""Every page kind is valid HTML by the W3C Nu HTML Checker (vnu), run once over all pages."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.pages import ACCOUNT, PUBLIC, build_site

pytestmark = [pytest.mark.html, pytest.mark.django_db]

ROOT = Path(__file__).resolve().parents[2]


def vnu_jar() -> tuple[str, str]:
    """The checker's jar, installed by scripts/ensure-vnu when missing; fails, never skips."""
    java = shutil.which("java")
    if not java:
        pytest.fail("The HTML test needs Java to run the Nu HTML Checker (vnu); none found.")
    done = subprocess.run(  # noqa: S603 - our own script, fixed arguments
        [ROOT / "scripts" / "ensure-vnu"], capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        pytest.fail(f"scripts/ensure-vnu could not provide the Nu HTML Checker:\n{done.stderr}")
    return java, done.stdout.strip().splitlines()[-1]


def render_every_page(client, tmp_path) -> dict[Path, str]:
    """Writes each page kind to a file in tmp_path; returns file -> the path it came from."""
    site = build_site()
    anonymous = {**PUBLIC, "invitation": site.invitation_url}
    logged_in = {**ACCOUNT, **site.workspace, "step as member": PUBLIC["step"]}
    files = {}
    for pages, login_as in ((anonymous, None), (logged_in, site.leader)):
        if login_as:
            client.force_login(login_as)
        for kind, path in pages.items():
            response = client.get(path)
            expected = 404 if kind == "404" else 200
            assert response.status_code == expected, f"{kind} ({path}): {response.status_code}"
            file = tmp_path / f"{kind.replace(' ', '-')}.html"
            file.write_bytes(response.content)
            files[file] = path
    return files


def test_every_page_kind_is_valid_html(client, method, tmp_path):
    java, jar = vnu_jar()
    files = render_every_page(client, tmp_path)

    done = subprocess.run(  # noqa: S603 - the checker, over files we just wrote
        [java, "-jar", jar, "--errors-only", "--format", "json", *map(str, files)],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )

    messages = json.loads(done.stderr or "{}").get("messages", [])
    errors = [
        f"{files[Path(m['url'].removeprefix('file:'))]} line {m.get('lastLine')}: {m['message']}"
        for m in messages
    ]
    assert done.returncode == 0 or errors, done.stderr
    assert errors == [], "The Nu HTML Checker found errors:\n" + "\n".join(errors)
