# support.cmake — the support header's runtime test (owned by its helper; empty for now).
