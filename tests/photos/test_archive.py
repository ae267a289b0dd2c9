"""The profile archive: everything out and back in, byte for byte, and nothing from a hostile one."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from scalpzone.cli import main
from scalpzone.storage import (
    ArchiveError,
    Database,
    FileWriteError,
    PhotoStore,
    ProfileArchives,
    ProfileNameError,
    ProfileStore,
    read_archive,
)

from .archives import export, full_profile, rewritten


def _everything(db: Database, pid: int) -> tuple[object, ...]:
    """All a person can see of a profile, photo ids left out (they are the database's)."""
    store, photos = ProfileStore(db), PhotoStore(db)
    loaded = store.load_profile(pid)
    infos = photos.photos(pid)
    place = {p.id: i for i, p in enumerate(infos)}
    alignments = [
        (place[a.id], place[b.id], photos.alignment(pid, a.id, b.id))
        for a in infos
        for b in infos
        if a.id < b.id and photos.alignment(pid, a.id, b.id) is not None
    ]
    return (
        loaded.name,
        loaded.document,
        loaded.hairlines,
        loaded.health_confirmed_on,
        store.map_snapshots(pid),
        [(r.needle_mm, r.first_use, r.uses, r.retired_on) for r in store.rollers(pid)],
        [
            (p.view, p.taken_on, p.width, p.height, p.source_name, p.added_at, p.zone_ids)
            for p in infos
        ],
        [(photos.image(pid, p.id), photos.thumbnail(pid, p.id)) for p in infos],
        alignments,
    )


def test_export_import_export_gives_an_equal_profile_and_the_same_bytes(tmp_path: Path) -> None:
    first_db, second_db = tmp_path / "a" / "a.sqlite3", tmp_path / "b" / "b.sqlite3"
    with Database.open(first_db) as db:
        pid = full_profile(db, tmp_path)
        before = _everything(db, pid)
    data = export(first_db, pid, tmp_path / "alex.scalpzone")
    with Database.open(second_db) as db:
        new = ProfileArchives(db).import_profile(tmp_path / "alex.scalpzone")
        assert _everything(db, new) == before
    assert export(second_db, new, tmp_path / "again.scalpzone") == data
    with zipfile.ZipFile(tmp_path / "alex.scalpzone") as zf:
        names = [i.filename for i in zf.infolist()]
        assert names == sorted(names)
        assert {i.date_time for i in zf.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        manifest = json.loads(zf.read("manifest.json"))
    assert manifest["version"] == 1 and len(manifest["photos"]) == 3
    assert manifest["profile"]["history"][0]["note"] == "first one; slight redness"
    assert manifest["health_confirmed_on"] == "2026-01-04"


def test_the_archive_holds_no_location(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    with Database.open(path) as db:
        pid = full_profile(db, tmp_path)
    data = export(path, pid, tmp_path / "alex.scalpzone")
    assert b"PhoneCorp" not in data and b"Pocket 12" not in data
    with zipfile.ZipFile(tmp_path / "alex.scalpzone") as zf:
        for name in zf.namelist():
            if name.endswith(".jpg"):
                assert b"Exif" not in zf.read(name)[:64]


def test_a_taken_name_is_refused_and_another_can_be_given(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    with Database.open(path) as db:
        pid = full_profile(db, tmp_path)
    export(path, pid, tmp_path / "alex.scalpzone")
    with Database.open(path) as db:
        with pytest.raises(ProfileNameError, match="already a profile named 'Alex'"):
            ProfileArchives(db).import_profile(tmp_path / "alex.scalpzone")
        assert [p.name for p in ProfileStore(db).profiles()] == ["Alex"]
        ProfileArchives(db).import_profile(tmp_path / "alex.scalpzone", "Alex 2")
        assert [p.name for p in ProfileStore(db).profiles()] == ["Alex", "Alex 2"]


def test_export_refuses_a_link_and_leaves_it(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    with Database.open(path) as db:
        pid = full_profile(db, tmp_path)
        target = tmp_path / "elsewhere.txt"
        target.write_text("mine")
        link = tmp_path / "alex.scalpzone"
        link.symlink_to(target)
        with pytest.raises(FileWriteError, match="symbolic link"):
            ProfileArchives(db).export_profile(pid, link)
    assert link.is_symlink() and target.read_text() == "mine"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".scalpzone-")] == []


def test_cli_export_and_import(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "db.sqlite3"
    with Database.open(path) as db:
        full_profile(db, tmp_path)
    out, other = tmp_path / "alex.scalpzone", tmp_path / "other.sqlite3"
    assert main(["export", "--profile", "Alex", "--output", str(out), "--database", str(path)]) == 0
    assert "Exported the profile 'Alex' with everything in it" in capsys.readouterr().out
    assert main(["import", str(out), "--database", str(other)]) == 0
    assert "(3 logged sessions, 3 photos)" in capsys.readouterr().out
    assert main(["import", str(out), "--database", str(other)]) == 2
    assert "already a profile named 'Alex'" in capsys.readouterr().err
    plain = tmp_path / "alex.json"  # any other name: the SPEC §4 map file, as before
    assert (
        main(["export", "--profile", "Alex", "--output", str(plain), "--database", str(path)]) == 0
    )
    assert json.loads(plain.read_text())["format"] == "scalpzone"


# -- hostile and damaged archives -------------------------------------------------------------


@pytest.fixture
def good(tmp_path: Path) -> bytes:
    """A valid archive of the full profile."""
    path = tmp_path / "source.sqlite3"
    with Database.open(path) as db:
        pid = full_profile(db, tmp_path)
    return export(path, pid, tmp_path / "good.scalpzone")


def _manifest(data: bytes) -> dict[str, object]:
    import io

    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return json.loads(zf.read("manifest.json"))


def _with_manifest(data: bytes, manifest: dict[str, object]) -> bytes:
    return rewritten(data, {"manifest.json": json.dumps(manifest).encode()})


def _lying_size(data: bytes) -> bytes:
    manifest = _manifest(data)
    manifest["photos"][0]["image"]["bytes"] += 1  # type: ignore[index]
    return _with_manifest(data, manifest)


def _lying_sha(data: bytes) -> bytes:
    manifest = _manifest(data)
    manifest["photos"][1]["thumbnail"]["sha256"] = "0" * 64  # type: ignore[index]
    return _with_manifest(data, manifest)


def _version(value: object) -> object:
    def change(data: bytes) -> bytes:
        manifest = _manifest(data)
        manifest["version"] = value
        return _with_manifest(data, manifest)

    return change


def _zip_bomb(data: bytes) -> bytes:
    """The first photo swapped for 9 MB of zeros: a few KB packed."""
    return rewritten(data, {"photos/0000.jpg": b"\0" * (9 * 1024 * 1024)})


def _ratio_bomb(data: bytes) -> bytes:
    """Within the size limit, but 5 MB from a few KB."""
    return rewritten(data, {"photos/0000.jpg": b"\xff\xd8\xff" + b"\0" * (5 * 1024 * 1024)})


def _duplicate(data: bytes) -> bytes:
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # zipfile warns of the duplicate it writes
        return rewritten(data, {}, {"photos/0000.jpg": b"\xff\xd8\xff\xe0 other"})


HOSTILE = {
    "not a zip": (lambda data: b"PK\x03\x04 but nothing after", "is not a readable zip file"),
    "cut short": (lambda data: data[: len(data) // 2], "is not a readable zip file"),
    "path traversal": (
        lambda data: rewritten(data, {}, {"../../outside.txt": b"x"}),
        '"../../outside.txt": is not a name a ScalpZone archive has',
    ),
    "absolute name": (
        lambda data: rewritten(data, {}, {"/etc/cron.d/evil": b"x"}),
        "is not a name a ScalpZone archive has",
    ),
    "dotted photo name": (
        lambda data: rewritten(data, {}, {"photos/../../0001.jpg": b"x"}),
        "is not a name a ScalpZone archive has",
    ),
    "zip bomb": (_zip_bomb, "above the 8388608 maximum"),
    "ratio bomb": (_ratio_bomb, "times when unpacked"),
    "missing photo": (
        lambda data: rewritten(data, {"photos/0002.jpg": None}),
        "photos/0002.jpg: is listed in the manifest but not in the archive",
    ),
    "unlisted entry": (
        lambda data: rewritten(data, {}, {"photos/0007.jpg": b"\xff\xd8\xff"}),
        "photos/0007.jpg: is in the archive but the manifest does not list it",
    ),
    "size lie": (_lying_size, "but the manifest says"),
    "sha lie": (_lying_sha, "does not match the SHA-256"),
    "swapped photo": (
        lambda data: rewritten(data, {"photos/0001.jpg": rewritten_photo(data)}),
        "photos/0001.jpg",
    ),
    "duplicate entry": (_duplicate, "is in the archive twice"),
    "newer version": (_version(2), "written by a newer ScalpZone"),
    "wrong version": (_version("one"), "is not a version of the archive format"),
    "no manifest": (
        lambda data: rewritten(data, {"manifest.json": None}),
        "manifest.json: is missing",
    ),
    "bad map inside": (
        lambda data: _with_manifest(
            data, {**_manifest(data), "profile": {"format": "scalpzone", "version": 1, "zones": 5}}
        ),
        "profile.zones",
    ),
}


def rewritten_photo(data: bytes) -> bytes:
    """Photo 0's bytes, to put in photo 1's place (a valid JPEG that the manifest does not
    describe)."""
    import io

    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return zf.read("photos/0000.jpg")


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_a_hostile_archive_is_refused_in_words_and_changes_nothing(
    case: str, good: bytes, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make, words = HOSTILE[case]
    bad = tmp_path / "bad.scalpzone"
    bad.write_bytes(make(good))  # type: ignore[operator]
    database = tmp_path / "target.sqlite3"
    with Database.open(database) as db:
        ProfileStore(db).create_profile("Sam")
    with pytest.raises(ArchiveError) as caught:
        read_archive(bad)
    assert words in str(caught.value)
    assert "nothing was changed" in str(caught.value)
    with Database.open(database) as db:
        with pytest.raises(ArchiveError):
            ProfileArchives(db).import_profile(bad, "New")
        assert [p.name for p in ProfileStore(db).profiles()] == ["Sam"]
        assert PhotoStore(db).photos(ProfileStore(db).profiles()[0].id) == ()
    capsys.readouterr()
    assert main(["import", str(bad), "--database", str(database)]) == 2
    err = capsys.readouterr().err
    assert words in err and "Traceback" not in err
    assert not (tmp_path.parent.parent / "outside.txt").exists()  # nothing is ever unpacked
