"""Built-in instrument definitions (FHIR R4 Questionnaire JSON), shipped as package data."""
