"""The Flask web app, the JSON and HSDS APIs, and the command line."""
