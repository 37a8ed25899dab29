"""One error tree for the whole application.

    HoldingspaceError
    ├── NotInitialised        no journal in this home yet
    ├── AlreadyInitialised    a journal is already there
    ├── WrongPassphrase       the passphrase does not unlock the key
    ├── Locked                a store was used before it was unlocked
    ├── NotFound              an unknown id
    ├── InvalidInput          a date that cannot be, a bad kind, a malformed answer
    ├── CorruptData           a damaged database, key file, backup or import
    └── Refused               an action the person must confirm, or that would lose data

Each face turns these into one line and an exit code (CLI) or a message on the page (web).
The message is always safe to show: it never contains what the person wrote.
"""


class HoldingspaceError(Exception):
    exit_code = 1


class NotInitialised(HoldingspaceError):
    exit_code = 3


class AlreadyInitialised(HoldingspaceError):
    exit_code = 3


class WrongPassphrase(HoldingspaceError):
    exit_code = 4


class Locked(HoldingspaceError):
    exit_code = 4


class NotFound(HoldingspaceError):
    exit_code = 5


class InvalidInput(HoldingspaceError):
    exit_code = 2


class CorruptData(HoldingspaceError):
    exit_code = 6


class Refused(HoldingspaceError):
    exit_code = 7
