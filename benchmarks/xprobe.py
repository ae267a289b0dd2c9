"""A probe outside the measured program: the X server's damage events say when a window paints.

The probe is its own X client (libX11, libXdamage and libXtst through ctypes). It watches the
root window for new top-level windows, asks the X server to report the first drawing into each
(DAMAGE extension, "non-empty" level) and can press the mouse through XTEST, as a person would.
Nothing is loaded into the measured program and it does no work for the probe.
"""

from __future__ import annotations

import ctypes
import select
import time
from ctypes import POINTER, byref, c_int, c_ulong, c_void_p

_CREATE_NOTIFY = 16
_SUBSTRUCTURE_NOTIFY_MASK = 1 << 19
_DAMAGE_REPORT_NON_EMPTY = 3


class _XEvent(ctypes.Structure):
    """The part of Xlib's XEvent union the probe reads (the union is 24 longs)."""

    _fields_ = [
        ("type", c_int),
        ("serial", c_ulong),
        ("send_event", c_int),
        ("display", c_void_p),
        ("parent", c_ulong),  # CreateNotify: the parent; DamageNotify: the drawable
        ("window", c_ulong),  # CreateNotify: the new window
        ("pad", c_ulong * 18),
    ]


_ERROR_HANDLER = ctypes.CFUNCTYPE(c_int, c_void_p, c_void_p)


class ProbeUnavailableError(RuntimeError):
    """The X libraries or extensions the probe needs are missing."""


class XProbe:
    """One connection to an X display that sees first paints and can click."""

    def __init__(self, display: str) -> None:
        try:
            self._x = ctypes.CDLL("libX11.so.6")
            self._damage = ctypes.CDLL("libXdamage.so.1")
            self._test = ctypes.CDLL("libXtst.so.6")
        except OSError as error:
            raise ProbeUnavailableError(f"X libraries missing: {error}") from None
        x = self._x
        x.XOpenDisplay.restype = c_void_p
        x.XOpenDisplay.argtypes = [ctypes.c_char_p]
        x.XDefaultRootWindow.restype = c_ulong
        x.XDefaultRootWindow.argtypes = [c_void_p]
        x.XSelectInput.argtypes = [c_void_p, c_ulong, ctypes.c_long]
        x.XConnectionNumber.argtypes = [c_void_p]
        x.XPending.argtypes = [c_void_p]
        x.XNextEvent.argtypes = [c_void_p, POINTER(_XEvent)]
        x.XFlush.argtypes = [c_void_p]
        x.XSync.argtypes = [c_void_p, c_int]
        x.XCloseDisplay.argtypes = [c_void_p]
        x.XSetErrorHandler.argtypes = [_ERROR_HANDLER]
        x.XSetErrorHandler.restype = c_void_p
        self._damage.XDamageQueryExtension.argtypes = [c_void_p, POINTER(c_int), POINTER(c_int)]
        self._damage.XDamageCreate.argtypes = [c_void_p, c_ulong, c_int]
        self._damage.XDamageCreate.restype = c_ulong
        self._test.XTestFakeMotionEvent.argtypes = [c_void_p, c_int, c_int, c_int, c_ulong]
        self._test.XTestFakeButtonEvent.argtypes = [c_void_p, ctypes.c_uint, c_int, c_ulong]
        # A window may be gone before its damage object is made: ignore such errors.
        self._on_error = _ERROR_HANDLER(lambda _d, _e: 0)
        x.XSetErrorHandler(self._on_error)
        self._dpy = x.XOpenDisplay(display.encode())
        if not self._dpy:
            raise ProbeUnavailableError(f"cannot open the display {display}")
        base, err = c_int(), c_int()
        if not self._damage.XDamageQueryExtension(self._dpy, byref(base), byref(err)):
            raise ProbeUnavailableError("the X server has no DAMAGE extension")
        self._damage_notify = base.value
        root = x.XDefaultRootWindow(self._dpy)
        x.XSelectInput(self._dpy, root, _SUBSTRUCTURE_NOTIFY_MASK)
        x.XSync(self._dpy, 0)
        self._fd = x.XConnectionNumber(self._dpy)

    def wait_first_paint(self, timeout: float) -> float | None:
        """`perf_counter()` at the first drawing into a new top-level window (None: timed out)."""
        x = self._x
        event = _XEvent()
        deadline = time.perf_counter() + timeout
        while True:
            while not x.XPending(self._dpy):
                left = deadline - time.perf_counter()
                if left <= 0:
                    return None
                select.select([self._fd], [], [], left)
            x.XNextEvent(self._dpy, byref(event))
            if event.type == _CREATE_NOTIFY:
                self._damage.XDamageCreate(self._dpy, event.window, _DAMAGE_REPORT_NON_EMPTY)
                x.XFlush(self._dpy)
            elif event.type == self._damage_notify:
                return time.perf_counter()

    def click(self, x: int, y: int) -> None:
        """Move the pointer to screen point (x, y) and press and release the left button."""
        self._test.XTestFakeMotionEvent(self._dpy, -1, x, y, 0)
        self._test.XTestFakeButtonEvent(self._dpy, 1, 1, 0)
        self._test.XTestFakeButtonEvent(self._dpy, 1, 0, 0)
        self._x.XFlush(self._dpy)

    def close(self) -> None:
        """Drop the connection (and with it every damage object it made)."""
        if self._dpy:
            self._x.XCloseDisplay(self._dpy)
            self._dpy = None
