"""Packaging: a wheel built from the tracked files, installed without -e into a fresh environment,
builds the sample site; and the package's stages import only the stages below them."""

import email.parser
import importlib.metadata
import shutil
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from tests.conftest import FEW, ROOT, some_data


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
    pip = [sys.executable, "-m", "pip", "-q", "--disable-pip-version-check"]
    wheels = tmp_path / "wheels"
    # with the build system installed here (the dev extra has it), as the isolated build would install it
    subprocess.run(pip + ["wheel", "--no-deps", "--no-build-isolation", "-w", str(wheels), str(clone)], check=True,
                   capture_output=True)
    (wheel,) = wheels.glob("budgetsite-*.whl")
    # a fresh environment that sees, of what is installed here, only the distributions the wheel requires
    env = tmp_path / "env"
    venv.create(env, with_pip=False)
    python = env / "bin" / "python"
    subprocess.run(pip + ["--python", str(python), "install", "--no-deps", "--no-index", str(wheel)], check=True,
                   capture_output=True)
    packages = Path(subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                                   capture_output=True, text=True, check=True).stdout.strip())
    (packages / "dependencies.pth").write_text(f"{_only(_required(wheel), tmp_path / 'dependencies')}\n",
                                               encoding="utf-8")
    where = subprocess.run([str(python), "-c", "import generator; print(generator.__file__)"],
                           capture_output=True, text=True, cwd=tmp_path, check=True).stdout
    assert Path(where.strip()).is_relative_to(packages)
    out = tmp_path / "output"
    data = some_data(tmp_path, *FEW)                # texts and PDFs; the session's site is all of the data built
    result = subprocess.run([str(env / "bin" / "budgetsite"), "build", "--site", str(clone), "--data", str(data),
                             "--out", str(out)], capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    # every disclosure of the data it was given, each a department-year page
    disclosures = sorted(f.parent.relative_to(data / "disclosures").as_posix()
                         for f in (data / "disclosures").glob("*/*/*/disclosure.json"))
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


def _required(wheel: Path) -> list[importlib.metadata.Distribution]:
    """The installed distributions the wheel's metadata requires, theirs in turn, with the extras asked for;
    each installed at a version the requirement accepts (as pip would have checked)."""
    with zipfile.ZipFile(wheel) as z:
        (meta,) = [n for n in z.namelist() if n.endswith(".dist-info/METADATA")]
        requires = email.parser.HeaderParser().parsestr(z.read(meta).decode()).get_all("Requires-Dist") or []
    found: dict[str, tuple[importlib.metadata.Distribution, set[str]]] = {}
    todo = [(Requirement(r), "") for r in requires]
    while todo:
        req, extra = todo.pop()
        if req.marker is not None and not req.marker.evaluate({"extra": extra}):
            continue
        dist = importlib.metadata.distribution(req.name)
        assert req.specifier.contains(dist.version, prereleases=True), f"{req} but {dist.version} is installed"
        name = canonicalize_name(dist.metadata["Name"])
        seen = found.get(name, (dist, None))[1]
        new = set(req.extras) | {""} if seen is None else set(req.extras) - seen
        if not new:
            continue
        found[name] = (dist, (seen or set()) | new)
        todo += [(Requirement(r), e) for r in dist.requires or [] for e in new]
    return [dist for dist, _ in found.values()]


def _only(dists: list[importlib.metadata.Distribution], folder: Path) -> Path:
    """A folder holding the installed files of ``dists`` alone (links to them): an environment given it sees
    those distributions and nothing else installed here, so a dependency the wheel forgets to declare fails."""
    folder.mkdir()
    for dist in dists:
        assert dist.files is not None, f"{dist.metadata['Name']} lists no files"
        for top in {f.parts[0] for f in dist.files if f.parts[0] not in ("..", "__pycache__")}:
            link, target = folder / top, Path(dist.locate_file(top))
            if link.is_symlink():
                assert link.resolve() == target.resolve(), f"{top} of two distributions"
            elif target.exists():
                link.symlink_to(target)
    return folder
