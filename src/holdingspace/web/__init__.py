"""The local web app: server-rendered pages over the services."""
