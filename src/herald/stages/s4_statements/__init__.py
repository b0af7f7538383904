"""The statements stage."""
