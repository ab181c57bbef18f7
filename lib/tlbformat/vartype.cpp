// Placeholder translation unit so the tlbformat layer has a library target. Layer: tlbformat.
