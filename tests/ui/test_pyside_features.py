"""PySide6's `__feature__` check: our modules and the standard library are not read for it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from scalpzone.ui.pyside_features import answer_without_source

#: A fresh interpreter: which modules PySide6 reads the source of, imported after `scalpzone.ui`.
PROBE = r"""
import inspect, json, sys
import PySide6.QtCore
import scalpzone.ui

fresh = ["scalpzone.domain.limits", "tomllib", "fractions", "elsewhere_probe"]
assert not any(name in sys.modules for name in fresh)
read = []
real_getsource = inspect.getsource

def getsource(obj):
    read.append(obj.__name__)
    return real_getsource(obj)

inspect.getsource = getsource
# PySide6 checks the module an import statement gives back.
from scalpzone.domain.limits import INPUT_MAX_BYTES
from tomllib import loads
from fractions import Fraction
from elsewhere_probe import __doc__

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QLabel

class Sender(QObject):
    said = Signal(str)

app = QApplication([])
heard = []
sender = Sender()
sender.said.connect(heard.append)
sender.said.emit("hello")
label = QLabel("shown")
features = sys.modules["shibokensupport.feature"].pyside_feature_dict
print(json.dumps({
    "read": read,
    "selection": {name: features.get(name) for name in fresh},
    "heard": heard,
    "label": label.text(),
}))
"""


def run_probe(folder: Path) -> dict[str, object]:
    # A module outside ScalpZone and the standard library, naming PySide6 in its source.
    (folder / "elsewhere_probe.py").write_text('"""Uses PySide6."""\n', encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(folder), env.get("PYTHONPATH")]))
    done = subprocess.run(
        [sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    result: dict[str, object] = json.loads(done.stdout.splitlines()[-1])
    return result


def test_our_modules_and_the_standard_library_are_not_read(tmp_path: Path) -> None:
    result = run_probe(tmp_path)
    read = result["read"]
    assert isinstance(read, list)
    assert not {"scalpzone.domain.limits", "tomllib", "fractions"} & set(read)
    assert "elsewhere_probe" in read  # anything else: PySide6's own check
    assert result["selection"] == {
        "scalpzone.domain.limits": 0,  # uses PySide, no feature selected
        "tomllib": -1,  # ignored by the feature support, as PySide6 itself decides
        "fractions": -1,
        "elsewhere_probe": 0,
    }


def test_qt_works_as_before(tmp_path: Path) -> None:
    result = run_probe(tmp_path)
    assert result["heard"] == ["hello"]
    assert result["label"] == "shown"


def test_the_check_is_replaced_once() -> None:
    feature = sys.modules["shibokensupport.feature"]
    assert answer_without_source()
    replaced = feature._mod_uses_pyside
    assert answer_without_source()
    assert feature._mod_uses_pyside is replaced


def test_an_object_without_a_module_name_goes_to_pyside6s_own_check() -> None:
    feature = sys.modules["shibokensupport.feature"]
    assert answer_without_source()
    assert feature._mod_uses_pyside(SimpleNamespace(__name__=3)) is False  # no source: False


def test_a_pyside6_without_the_check_is_left_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delitem(sys.modules, "shibokensupport.feature")
    assert not answer_without_source()
