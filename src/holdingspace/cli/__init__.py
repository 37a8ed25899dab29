"""The command-line face: parse, call one service method, render."""
