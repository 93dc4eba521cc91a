"""``budgetsite init``: a new site with the publisher's own placeholders, that checks and builds at once, and a
folder that is not empty is never written into."""

import shlex
import subprocess
import sys

import pytest
import yaml

from tests.conftest import ROOT

pytestmark = pytest.mark.slow

SAMPLE_NOTE = "本站为示例"


def run(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "generator", *args], capture_output=True, text=True,
                          cwd=cwd or ROOT, env=_env())


def _env():
    import os

    return {**os.environ, "PYTHONPATH": str(ROOT)}


@pytest.fixture(scope="module")
def new_site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("init") / "budget-site"
    result = run("init", str(folder))
    assert result.returncode == 0, result.stderr
    # what init wrote, listed before any test of the module builds in the folder (tests may run in any order)
    written = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())
    return folder, result.stdout, written


def test_it_writes_a_minimal_site_and_says_what_to_edit(new_site):
    folder, said, written = new_site
    assert written == [".github/workflows/site.yml", ".gitignore", "README.md", "content/about.md",
                       "content/home.md", "data/registry.yaml", "site.yaml"]
    settings = yaml.safe_load((folder / "site.yaml").read_text(encoding="utf-8"))
    assert set(settings) == {"title", "description", "footer"}
    assert "某某" in settings["title"] and "某某" in settings["footer"]          # placeholders, visibly
    for name in written:
        assert SAMPLE_NOTE not in (folder / name).read_text(encoding="utf-8"), name
    assert yaml.safe_load((folder / "data/registry.yaml").read_text(encoding="utf-8")) == \
        {"regions": {}, "departments": []}
    # what to edit next, by path, and how to go on
    assert f"{folder / 'site.yaml'}" in said and f"{folder / 'content/about.md'}" in said
    assert "budgetsite import" in said and "budgetsite serve" in said


def test_the_new_site_checks_and_builds_at_once(new_site):
    folder, _, _ = new_site
    check = run("check", "--strict", cwd=folder)
    assert check.returncode == 0, check.stdout + check.stderr
    assert "data valid: 0 disclosures" in check.stdout and "budgetsite import" in check.stdout
    build = run("-q", "build", cwd=folder)
    assert build.returncode == 0, build.stderr
    home = (folder / "output/index.html").read_text(encoding="utf-8")
    settings = yaml.safe_load((folder / "site.yaml").read_text(encoding="utf-8"))
    assert f"<title>{settings['title']}</title>" in home and settings["footer"] in home
    assert SAMPLE_NOTE not in home
    about = (folder / "output/about/index.html").read_text(encoding="utf-8")
    assert "联系我们" in about
    assert (folder / "output/open-data/datapackage.json").is_file()
    again = run("build", cwd=folder)                  # nothing changed: it says what is missing all the same
    assert again.returncode == 0 and "no disclosures yet" in again.stdout and "budgetsite import" in again.stdout


def test_the_workflows_commands_run_in_the_new_site(new_site, tmp_path):
    folder, _, _ = new_site
    workflow = yaml.safe_load((folder / ".github/workflows/site.yml").read_text(encoding="utf-8"))
    steps = [s.get("run", "") for s in workflow["jobs"]["build"]["steps"]]
    assert any("pip install" in s for s in steps)
    commands = [s for s in steps if s.startswith("budgetsite ")]
    assert [shlex.split(c)[2] for c in commands] == ["check", "build"]
    for command in commands:
        args = shlex.split(command.replace("${{ github.repository_owner }}", "owner")
                           .replace("${{ github.event.repository.name }}", "site"))[1:]
        out = ["--out", str(tmp_path / "out")] if "build" in args else []
        result = run(*args, *out, cwd=folder)
        assert result.returncode == 0, (command, result.stderr)
    assert 'href="https://owner.github.io/site/"' in (tmp_path / "out/index.html").read_text(encoding="utf-8")


def test_a_folder_that_is_not_empty_is_refused_and_kept(tmp_path):
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine", encoding="utf-8")
    result = run("init", str(folder))
    assert result.returncode == 1
    assert result.stderr.startswith("error: ") and "not empty" in result.stderr and "Traceback" not in result.stderr
    assert [p.name for p in folder.iterdir()] == ["notes.txt"]
    assert (folder / "notes.txt").read_text(encoding="utf-8") == "mine"
    file = tmp_path / "a-file"
    file.write_text("x", encoding="utf-8")
    result = run("init", str(file))
    assert result.returncode == 1 and "is a file" in result.stderr and file.read_text(encoding="utf-8") == "x"


def test_an_empty_folder_is_used_and_zh_says_the_next_steps_in_chinese(tmp_path):
    folder = tmp_path / "empty"
    folder.mkdir()
    result = run("init", str(folder), "--lang", "zh")
    assert result.returncode == 0, result.stderr
    assert "接下来" in result.stdout and "修改" in result.stdout
    assert (folder / "site.yaml").is_file()


def test_a_data_folder_without_registry_or_disclosures_is_still_refused(tmp_path):
    """An empty site is a data folder init (or an import) began; a folder with neither, such as a mistyped
    --data, stays an error for build and check."""
    (tmp_path / "data").mkdir()
    result = run("build", "--data", str(tmp_path / "data"), "--out", str(tmp_path / "out"), cwd=tmp_path)
    assert result.returncode == 1 and "no disclosures to build" in result.stderr
    result = run("check", "--data", str(tmp_path / "data"), cwd=tmp_path)
    assert result.returncode == 1 and "no disclosures found" in result.stdout


def test_a_new_sites_home_page_says_nothing_is_imported_yet(tmp_path):
    from generator.cli import main

    site = tmp_path / "site"
    assert main(["init", str(site)]) == 0
    assert main(["build", "--site", str(site), "--data", str(site / "data"), "--out", str(site / "output")]) == 0
    home = (site / "output" / "index.html").read_text(encoding="utf-8")
    assert "本站还没有导入任何部门的预算或决算" in home and "–</span>" not in home
