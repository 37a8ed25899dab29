"""One module per area of the app; each holds an APIRouter named ``router``."""
