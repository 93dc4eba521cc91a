"""Packaging: a wheel built from the tracked files, installed without -e into a fresh environment,
builds the sample site; and the package's stages import only the stages below them."""

import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest

from tests.conftest import ROOT


def test_the_layers_of_the_pipeline_are_kept():
    lint = Path(sys.executable).parent / "lint-imports"
    result = subprocess.run([str(lint), "--config", str(ROOT / "pyproject.toml")], capture_output=True, text=True,
                            cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 kept, 0 broken" in result.stdout


@pytest.mark.slow
def test_a_wheel_installed_without_editable_mode_builds_the_sample_site(tmp_path):
    clone = tmp_path / "clone"
    tracked = subprocess.run(["git", "ls-files", "-z"], capture_output=True, cwd=ROOT, check=True).stdout
    for name in filter(None, tracked.decode().split("\0")):
        if (ROOT / name).is_file():
            (clone / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, clone / name)
    env = tmp_path / "env"
    venv.create(env, with_pip=True)
    pip = [str(env / "bin" / "python"), "-m", "pip", "-q", "--disable-pip-version-check"]
    wheels = tmp_path / "wheels"
    subprocess.run(pip + ["wheel", "--no-deps", "-w", str(wheels), str(clone)], check=True, capture_output=True)
    (wheel,) = wheels.glob("budgetsite-*.whl")
    subprocess.run(pip + ["install", str(wheel)], check=True, capture_output=True)
    where = subprocess.run([str(env / "bin" / "python"), "-c", "import generator; print(generator.__file__)"],
                           capture_output=True, text=True, cwd=tmp_path, check=True).stdout
    assert "site-packages" in where
    out = tmp_path / "output"
    result = subprocess.run([str(env / "bin" / "budgetsite"), "build", "--site", str(clone), "--data",
                             str(clone / "data"), "--out", str(out)], capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    # every disclosure of the data it was given, each a department-year page
    disclosures = sorted(f.parent.relative_to(clone / "data/disclosures").as_posix()
                         for f in (clone / "data/disclosures").glob("*/*/*/disclosure.json"))
    built = sorted(f.parent.relative_to(out / "departments").as_posix()
                   for f in (out / "departments").glob("*/*/*/index.html"))
    assert disclosures and built == disclosures
    page = out / "departments/zhengzhou/renminzhengfubangongting/2020-budget/index.html"
    assert "8,641.20" in page.read_text(encoding="utf-8")
    assert (out / "404.html").is_file() and (out / "pagefind" / "site" / "pagefind.js").is_file()
    assert (out / "pagefind" / "part-00" / "pagefind.js").is_file()
    # the starter site ships with the wheel: init writes it, and the new site builds
    new = tmp_path / "new-site"
    result = subprocess.run([str(env / "bin" / "budgetsite"), "init", str(new)], capture_output=True, text=True,
                            cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (new / "content/about.md").is_file() and (new / ".github/workflows/site.yml").is_file()
    result = subprocess.run([str(env / "bin" / "budgetsite"), "-q", "build"], capture_output=True, text=True, cwd=new)
    assert result.returncode == 0, result.stderr
    assert (new / "output/about/index.html").is_file()
