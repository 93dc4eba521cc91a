"""The build cache holds data only, checked before it is used: a pickle put in it is never run, a damaged
entry or tidy chunk is made again (never published), and a cache that cannot be written is a warning: the
build goes on, and its output is the same."""

import json
import shutil
from pathlib import Path

import pytest

from generator.api import build_site as build
from generator.cli import main
from generator.site.build import units
from generator.store.cache import read_entry
from tests.conftest import FEW, ROOT, some_data
from tests.store.cache_faults import change_a_digit, plant_pickle, read_only

pytestmark = pytest.mark.slow

CHANGED = "jiyuan/xingzhengfuwuzhongxin/2020-budget"


def tree(folder):
    """The output's files and their bytes.  Of the manifest, only what the build made (pages, files, bytes):
    its keys name the build's inputs, the generator's code among them, not what was made."""
    files = {p.relative_to(folder): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}
    manifest = files.pop(Path(".budgetsite-manifest.json"))
    return files | {"built": json.loads(manifest)["built"]}


def change(data):
    """A word of one disclosure's glossary changed: a rebuild after it is not one with nothing changed."""
    g = data / "disclosures" / CHANGED / "glossary.csv"
    text = g.read_text(encoding="utf-8")
    assert "市级财政当年拨付的资金" in text
    g.write_text(text.replace("市级财政当年拨付的资金", "市级财政当年拨付的全部资金"),
                 encoding="utf-8")


@pytest.fixture(scope="module")
def sample(tmp_path_factory) -> Path:
    """The data these tests build, again and again: a few of the bundled disclosures (``FEW``), PDFs' and
    texts', of four regions; what the cache keeps of a disclosure does not depend on how many there are.
    Read only."""
    return some_data(tmp_path_factory.mktemp("sample"), *FEW)


@pytest.fixture(scope="module")
def reference(sample, tmp_path_factory):
    """What builds without a cache make: of the sample data, and of it with one disclosure changed."""
    base = tmp_path_factory.mktemp("reference")
    build(ROOT, sample, base / "sample", use_cache=False)
    data = base / "data"
    shutil.copytree(sample, data)
    change(data)
    build(ROOT, data, base / "changed", use_cache=False)
    return {"sample": tree(base / "sample"), "changed": tree(base / "changed")}


@pytest.fixture
def built(sample, tmp_path):
    """The sample data, built once with a cache: (data, output, cache folder, each unit's key)."""
    data, out, cache = tmp_path / "data", tmp_path / "out", tmp_path / "cache"
    shutil.copytree(sample, data)
    build(ROOT, data, out, cache=cache)
    keys = json.loads((out / ".budgetsite-manifest.json").read_text(encoding="utf-8"))["units"]
    return data, out, cache, keys


def rebuild(data, out, cache, monkeypatch) -> list[str]:
    """Build again in one process; the units it built."""
    made = []
    real = units.Units.build
    monkeypatch.setattr(units.Units, "build", lambda self, task: made.append(task[0]) or real(self, task))
    build(ROOT, data, out, jobs=1, cache=cache)
    monkeypatch.undo()
    return sorted(made)


def test_pickles_planted_in_the_build_cache_are_never_run(built, reference, tmp_path, capsys, monkeypatch):
    data, out, cache, keys = built
    marker = tmp_path / "ran"
    planted = [p for p in (cache / "build").rglob("*") if p.is_file() and p.name != "listing.json"
               and not p.name.endswith(".search.html")]
    names = {p.name for p in planted}
    assert {"digests.json", "money.layout"} <= names and any(n.startswith("units-") for n in names)
    assert any(n.endswith(".money.chunk") for n in names) and any(n == f"{keys[CHANGED]}.json" for n in names)
    for path in planted:
        plant_pickle(path, marker)
    change(data)
    capsys.readouterr()
    assert rebuild(data, out, cache, monkeypatch) == sorted(keys)        # none of them could be read
    assert not marker.exists()
    assert tree(out) == reference["changed"]
    assert "is damaged: it is made again" in capsys.readouterr().err
    # made again, and read: after another disclosure changed, only it is built
    other = "zhengzhou/renminzhengfubangongting/2020-budget"
    g = data / "disclosures" / other / "glossary.csv"
    g.write_text(g.read_text(encoding="utf-8").replace("。", "。 ", 1), encoding="utf-8")
    assert rebuild(data, out, cache, monkeypatch) == [other]
    assert capsys.readouterr().err == ""


def test_a_damaged_chunk_or_result_is_made_again_never_published(built, reference, capsys, monkeypatch):
    data, out, cache, keys = built
    # a unit that is not built again: its rows of money.csv.gz in the cache, one byte changed
    kept = "zhengzhou/renminzhengfubangongting/2020-budget"
    chunk = units.chunk_path(cache / "build", keys[kept], "money")
    good = read_entry(chunk)
    raw = chunk.read_bytes()
    chunk.write_bytes(raw[:-1] + bytes([raw[-1] ^ 1]))
    # and the layouts of the previous tidy files gone, so that every unit's chunk is read
    for layout in (cache / "build").rglob("*.layout"):
        layout.unlink()
    # another unit's result: one digit of a headline figure changed, in its own entry and in the build's results
    result = "luohe/renminzhengfubangongshi/2023-budget"
    figure = rb'"!Figure":\["total[.a-z]*",(\d+)'
    change_a_digit(units._path(cache / "build", keys[result]), figure)
    for segment in (cache / "build" / "outputs").glob("*/units-*.json"):
        if keys[result].encode() in segment.read_bytes():
            change_a_digit(segment, figure)
    change(data)
    capsys.readouterr()
    assert rebuild(data, out, cache, monkeypatch) == sorted([CHANGED, result])
    err = capsys.readouterr().err
    assert f"warning: the cache entry {chunk} is damaged: it is made again" in err
    assert f"warning: the cache entry {units._path(cache / 'build', keys[result])} is damaged" in err
    assert tree(out) == reference["changed"]
    assert read_entry(chunk) == good                                       # kept again, whole


@pytest.mark.parametrize("where", ["--cache under a file", "XDG_CACHE_HOME a file", "XDG_CACHE_HOME read-only",
                                   "--cache read-only"])
def test_the_build_goes_on_without_a_cache_it_cannot_write(where, sample, reference, tmp_path, capsys, monkeypatch):
    out = tmp_path / "out"
    args = ["build", "--site", str(ROOT), "--data", str(sample), "--out", str(out), "--jobs", "1"]
    (tmp_path / "file.txt").write_text("a file, not a folder", encoding="utf-8")
    if where == "--cache under a file":
        args += ["--cache", str(tmp_path / "file.txt" / "sub")]
        at = tmp_path / "file.txt" / "sub" / "build"
    elif where == "XDG_CACHE_HOME a file":
        monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "file.txt"))
        at = tmp_path / "file.txt" / "budgetsite" / "build"
    else:
        home = tmp_path / "read-only"
        home.mkdir()
        if where == "--cache read-only":
            args += ["--cache", str(home)]
            at = home / "build"
        else:
            monkeypatch.setenv("XDG_CACHE_HOME", str(home))
            at = home / "budgetsite" / "build"
        read_only(monkeypatch, home)
    capsys.readouterr()
    assert main(args) == 0
    monkeypatch.undo()
    warned = [line for line in capsys.readouterr().err.splitlines() if "cache" in line]
    assert len(warned) == 1, warned
    assert warned[0].startswith(f"warning: cannot write the build cache at {at} (")
    assert warned[0].endswith("; the build goes on without it")
    assert tree(out) == reference["sample"]


def test_the_file_hashes_come_back_as_they_were_kept(tmp_path):
    """The memo of the data's file stamps (kept flat, read back into tuples): a rebuild compares them as
    ``units.folder_digest`` makes them."""
    from generator.site.build.run import _load_memo, _save_memo
    from generator.store.layout import disclosure_folders

    root = (ROOT / "data" / "disclosures").resolve()
    memo = units.Memo({}, set())
    units.folder_digests(root, disclosure_folders(ROOT / "data"), memo)
    _save_memo(tmp_path / "digests.json", memo, root)
    assert _load_memo(tmp_path / "digests.json") == memo.hashes and memo.hashes
    again = units.Memo(_load_memo(tmp_path / "digests.json"), set())
    units.folder_digests(root, disclosure_folders(ROOT / "data"), again)
    assert not again.changed                        # every folder known by its stamps: none read again


def add_a_new_department(data: Path) -> str:
    """漯河市人民政府办公室 2023 copied as the disclosure of a department the site has never had; its folder."""
    src = data / "disclosures" / "luohe" / "renminzhengfubangongshi" / "2023-budget"
    folder = "luohe/xinbumen/2023-budget"
    dst = data / "disclosures" / folder
    shutil.copytree(src, dst)
    meta = json.loads((dst / "disclosure.json").read_text(encoding="utf-8"))
    meta.update(department="漯河市新部门", department_slug="xinbumen")
    (dst / "disclosure.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1), encoding="utf-8")
    with open(data / "registry.yaml", "a", encoding="utf-8") as fh:
        fh.write("- name: 漯河市新部门\n  region: 漯河市\n  slug: xinbumen\n  aliases: []\n  predecessors: []\n")
    return folder


def made_again(data, out, cache, monkeypatch) -> tuple[list[str], list[str]]:
    """Build again; the units it built and the department pages it rendered (not those it kept)."""
    from generator.site.pages.render import Renderer

    units_made, pages_made = [], []
    unit, page = units.Units.build, Renderer.render
    monkeypatch.setattr(units.Units, "build", lambda self, task: units_made.append(task[0]) or unit(self, task))
    monkeypatch.setattr(Renderer, "render", lambda self, p, *a: pages_made.append(p.path) or page(self, p, *a))
    build(ROOT, data, out, jobs=1, cache=cache)
    monkeypatch.undo()
    return sorted(units_made), sorted(p for p in pages_made if p.startswith("departments/") and p.count("/") == 3)


def test_a_department_new_to_the_site_builds_its_own_unit_and_page_alone(built, tmp_path, monkeypatch):
    data, out, cache, keys = built
    folder = add_a_new_department(data)
    assert made_again(data, out, cache, monkeypatch) == ([folder], ["departments/luohe/xinbumen/index.html"])
    # and the output is what a build from nothing makes of the same data
    build(ROOT, data, tmp_path / "fresh", use_cache=False)
    assert tree(out) == tree(tmp_path / "fresh")
    assert (out / "departments" / folder / "index.html").is_file()
    # another department's registry entry changed: its page alone is made again, no unit
    registry = data / "registry.yaml"
    text = registry.read_text(encoding="utf-8")
    entry = "- name: 漯河市人民政府办公室\n  region: 漯河市\n  slug: renminzhengfubangongshi\n  aliases: []"
    assert entry in text
    registry.write_text(text.replace(entry, entry.replace("aliases: []", "aliases: [漯河市政府办]")), encoding="utf-8")
    assert made_again(data, out, cache, monkeypatch) == ([], ["departments/luohe/renminzhengfubangongshi/index.html"])
    assert "漯河市政府办" in (out / "departments/luohe/renminzhengfubangongshi/index.html").read_text(encoding="utf-8")
