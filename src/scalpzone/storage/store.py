"""ProfileStore: every call the UI and the CLI make on the database, one transaction each."""

from __future__ import annotations

from datetime import date

from scalpzone.domain.history import HistoryEntry
from scalpzone.domain.limits import HISTORY_MAX_ENTRIES
from scalpzone.domain.mapfile import (
    NOTE_MAX,
    MapDocument,
)
from scalpzone.domain.problems import Problem
from scalpzone.domain.rules import NEEDLE_MAX_MM, NEEDLE_MIN_MM
from scalpzone.domain.settings import Health, Settings, parse_settings
from scalpzone.domain.zones import ScalpMap
from scalpzone.storage.database import Database
from scalpzone.storage.errors import (
    InvalidProfileDataError,
    ProfileNotFoundError,
)
from scalpzone.storage.log_repositories import (
    LoggedSession,
    LogRepository,
    Roller,
    RollerRepository,
)
from scalpzone.storage.profile_rows import clean_name, create_profile, refuse_taken
from scalpzone.storage.repositories import (
    HealthRepository,
    MapSnapshot,
    ProfileRepository,
    ProfileSummary,
    SettingsRepository,
    SnapshotRepository,
    ZoneRepository,
    points_json,
    raw_connection,
)
from scalpzone.storage.rows import StoredProfile, check_document, write_map
from scalpzone.storage.validated import load_document

__all__ = ["IMPORTED_NAME", "ProfileStore", "StoredProfile", "clean_name"]

IMPORTED_NAME = "Imported map"


class ProfileStore:
    """Profiles and everything in them; each method is one user action in one transaction."""

    def __init__(self, db: Database) -> None:
        self._db = db
        #: The last profile loaded, with the database's freshness key at the time (see
        #: `load_profile`).
        self._loaded: tuple[tuple[int, int, int], StoredProfile] | None = None

    # -- profiles --------------------------------------------------------------------------

    def profiles(self) -> list[ProfileSummary]:
        """Every profile, sorted by name."""
        with self._db.reading() as session:
            return ProfileRepository(session).summaries()

    def find_profile(self, name: str) -> ProfileSummary:
        """The profile with this name (case-insensitive), or ProfileNotFoundError."""
        wanted = name.strip().casefold()
        summaries = self.profiles()
        for summary in summaries:
            if summary.name.casefold() == wanted:
                return summary
        known = ", ".join(s.name for s in summaries) or "none yet"
        raise ProfileNotFoundError(f"There is no profile named {name!r} (profiles: {known}).")

    def create_profile(self, name: str) -> int:
        """A new profile with an all-healthy map and default settings; returns its id."""
        clean_name(name)  # refused before a transaction begins
        with self._db.transaction() as session:
            return create_profile(raw_connection(session), name)

    def rename_profile(self, profile_id: int, name: str) -> None:
        """Give a profile another name (ProfileNameError if it is empty, too long or taken)."""
        cleaned = clean_name(name)
        with self._db.transaction() as session:
            profiles = ProfileRepository(session)
            row = profiles.get(profile_id)
            self.refuse_taken(profiles, cleaned, except_id=profile_id)
            row.name = cleaned

    def delete_profile(self, profile_id: int) -> None:
        """Delete a profile and everything in it (the backups still hold it)."""
        with self._db.transaction() as session:
            ProfileRepository(session).delete(profile_id)

    @staticmethod
    def refuse_taken(profiles: ProfileRepository, name: str, except_id: int | None = None) -> None:
        """ProfileNameError if another profile has this name (in any case)."""
        refuse_taken(profiles.names(), name, except_id)

    # -- loading ---------------------------------------------------------------------------

    def load_profile(self, profile_id: int) -> StoredProfile:
        """Everything of one profile, read in one consistent transaction and checked as an
        import is (StoredDataError names each row that breaks a rule; see validated.py).

        The profile read last is kept with the database's freshness key; while no write has
        happened since, in this process or any other, it is given again instead of read and
        checked again. Everything in it is immutable, so sharing it is safe."""
        with self._db.reading() as session:
            before = self._db.freshness(session)
            if self._loaded is not None:
                key, stored = self._loaded
                if key == before and stored.id == profile_id:
                    return stored  # nothing changed since it was read and checked
            name, document, confirmed = load_document(session, profile_id)
            hairlines = SnapshotRepository(session).hairlines(profile_id)
            stored = StoredProfile(profile_id, name, document, hairlines, confirmed)
            if self._db.freshness(session) == before:
                self._loaded = (before, stored)
            return stored

    def reset_settings(self, profile_id: int) -> None:
        """Put a profile's plan settings back to ScalpZone's defaults (a repair)."""
        with self._db.transaction() as session:
            ProfileRepository(session).get(profile_id)
            SettingsRepository(session).save(profile_id, Settings())

    def reset_health(self, profile_id: int) -> None:
        """Clear a profile's health checklist; it is asked again before the next session."""
        with self._db.transaction() as session:
            ProfileRepository(session).get(profile_id)
            HealthRepository(session).save(profile_id, Health(), None)

    def export_document(self, profile_id: int) -> MapDocument:
        """The profile as a map file document (SPEC §4), named after the profile."""
        return self.load_profile(profile_id).document

    def map_snapshots(self, profile_id: int) -> tuple[MapSnapshot, ...]:
        """Every dated copy of the zone states, oldest first (for comparing progress)."""
        with self._db.reading() as session:
            ProfileRepository(session).get(profile_id)
            return SnapshotRepository(session).maps(profile_id)

    # -- editing ---------------------------------------------------------------------------

    def save_map(self, profile_id: int, scalp_map: ScalpMap, day: date) -> None:
        """Write every zone and the hairline, keeping dated snapshots for `day`.

        The hairline snapshot for `day` is written when the hairline changed (a second change the
        same day overwrites it; clearing the hairline that day removes it). The map snapshot for
        `day` always holds the zone states as saved. A drawn zone still named in the session log
        cannot be removed (ZoneInUseError): the log would point at nothing.
        """
        check_document(MapDocument(scalp_map), "The map")
        with self._db.transaction() as session:
            write_map(raw_connection(session), profile_id, scalp_map, day)

    def save_settings(self, profile_id: int, settings: Settings) -> None:
        """Store plan settings after checking them against the rules (SPEC §2)."""
        _, problems = parse_settings(settings.to_json())
        if problems:
            raise InvalidProfileDataError("The settings", problems)
        with self._db.transaction() as session:
            ProfileRepository(session).get(profile_id)
            SettingsRepository(session).save(profile_id, settings)

    def save_health(self, profile_id: int, health: Health, confirmed_on: date) -> None:
        """Store the health checklist as the person confirmed it on `confirmed_on`."""
        with self._db.transaction() as session:
            ProfileRepository(session).get(profile_id)
            HealthRepository(session).save(profile_id, health, confirmed_on)

    def log_session(self, profile_id: int, entry: HistoryEntry) -> None:
        """Add a session to the log (a done one counts as a use of the roller of its day)."""
        with self._db.transaction() as session:
            ProfileRepository(session).get(profile_id)
            _check_entry(entry, ZoneRepository(session).ids(profile_id))
            log = LogRepository(session)
            if len(log.load(profile_id)) >= HISTORY_MAX_ENTRIES:  # or the export would not import
                raise InvalidProfileDataError(
                    "The session",
                    [Problem("history", f"the log holds {HISTORY_MAX_ENTRIES} sessions, the most")],
                )
            log.add(profile_id, [entry])

    def log_entries(self, profile_id: int) -> tuple[LoggedSession, ...]:
        """The log with each session's id, oldest first (by day, then in the order logged)."""
        with self._db.reading() as session:
            ProfileRepository(session).get(profile_id)
            return LogRepository(session).entries(profile_id)

    def replace_log_entry(self, profile_id: int, log_id: int, entry: HistoryEntry) -> None:
        """Put `entry` in place of a logged session, keeping its id; checked as log_session is.

        LogEntryNotFoundError when the profile's log has no session with this id.
        """
        with self._db.transaction() as session:
            ProfileRepository(session).get(profile_id)
            _check_entry(entry, ZoneRepository(session).ids(profile_id))
            LogRepository(session).replace(profile_id, log_id, entry)

    def remove_log_entry(self, profile_id: int, log_id: int) -> HistoryEntry:
        """Take a session out of the log and return it (to put back with restore_log_entry).

        LogEntryNotFoundError when the profile's log has no session with this id.
        """
        with self._db.transaction() as session:
            ProfileRepository(session).get(profile_id)
            return LogRepository(session).remove(profile_id, log_id)

    def restore_log_entry(self, profile_id: int, log_id: int, entry: HistoryEntry) -> None:
        """Put a removed session back under its old id (undo of remove_log_entry).

        Checked as log_session is: a zone deleted from the map meanwhile is refused. A StorageError
        if the id is in use (the session was already put back).
        """
        with self._db.transaction() as session:
            ProfileRepository(session).get(profile_id)
            _check_entry(entry, ZoneRepository(session).ids(profile_id))
            LogRepository(session).restore(profile_id, log_id, entry)

    # -- rollers ---------------------------------------------------------------------------

    def start_roller(self, profile_id: int, needle_mm: float, first_use: date) -> int:
        """A new roller is in use from `first_use` (the previous one retires); returns its id."""
        if not NEEDLE_MIN_MM <= needle_mm <= NEEDLE_MAX_MM:
            raise InvalidProfileDataError(
                "The roller",
                [
                    Problem(
                        "needle_mm",
                        f"{needle_mm} is outside {NEEDLE_MIN_MM}–{NEEDLE_MAX_MM} mm, "
                        "the needles ScalpZone plans for",
                    )
                ],
            )
        with self._db.transaction() as session:
            ProfileRepository(session).get(profile_id)
            return RollerRepository(session).start(profile_id, needle_mm, first_use)

    def current_roller(self, profile_id: int) -> Roller | None:
        """The roller in use, with its uses counted from the log (see RollerRepository)."""
        with self._db.reading() as session:
            ProfileRepository(session).get(profile_id)
            return RollerRepository(session).current(profile_id)

    def rollers(self, profile_id: int) -> tuple[Roller, ...]:
        """Every roller the profile has had, oldest first."""
        with self._db.reading() as session:
            ProfileRepository(session).get(profile_id)
            return RollerRepository(session).all(profile_id)

    # -- map files -------------------------------------------------------------------------

    def import_document(
        self, doc: MapDocument, name: str | None = None, *, day: date | None = None
    ) -> int:
        """A new profile holding the whole document; returns its id.

        The name is `name`, else the file's profile name, else "Imported map" (numbered when
        taken). The hairline and map are kept as snapshots dated `day` (default: today).
        Nothing is written unless all of it can be.
        """
        check_document(doc, "The map file")
        day = day or date.today()
        with self._db.transaction() as session:
            profiles = ProfileRepository(session)
            if name is not None or doc.profile_name is not None:
                cleaned = clean_name(name if name is not None else str(doc.profile_name))
                self.refuse_taken(profiles, cleaned)
            else:
                taken = {n.casefold() for _, n in profiles.names()}
                cleaned, n = IMPORTED_NAME, 1
                while cleaned.casefold() in taken:
                    n += 1
                    cleaned = f"{IMPORTED_NAME} {n}"
            row = profiles.add(cleaned)
            pid = row.id
            row.hairline = points_json(doc.scalp_map.hairline)
            ZoneRepository(session).save(pid, doc.scalp_map.zones)
            SettingsRepository(session).save(pid, doc.settings)
            HealthRepository(session).save(pid, doc.health, None)
            LogRepository(session).add(pid, doc.history)
            snapshots = SnapshotRepository(session)
            if doc.scalp_map.hairline:
                snapshots.put_hairline(pid, day, doc.scalp_map.hairline)
            snapshots.put_map(pid, day, doc.scalp_map.zones)
            return pid


def _check_entry(entry: HistoryEntry, known: set[str]) -> None:
    problems: list[Problem] = []
    if not entry.zones:
        problems.append(Problem("zones", "is empty; a logged session rolled at least one zone"))
    for zid in entry.zones:
        if zid not in known:
            problems.append(Problem("zones", f"{zid!r} is not a zone of this map"))
    if len(set(entry.zones)) != len(entry.zones):
        problems.append(Problem("zones", "lists a zone twice"))
    if not NEEDLE_MIN_MM <= entry.needle_mm <= NEEDLE_MAX_MM:
        problems.append(
            Problem("needle_mm", f"{entry.needle_mm} is outside {NEEDLE_MIN_MM}–{NEEDLE_MAX_MM} mm")
        )
    if len(entry.note) > NOTE_MAX:
        problems.append(
            Problem("note", f"is {len(entry.note)} characters long, above the {NOTE_MAX} maximum")
        )
    if problems:
        raise InvalidProfileDataError("The session", problems)
