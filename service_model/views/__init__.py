"""Pages of the service model, thin over selectors and services; one module per page group."""
