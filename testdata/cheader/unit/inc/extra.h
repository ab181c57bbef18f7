/* Found only through -I testdata/cheader/unit/inc (see include_dir.h). */
struct FromIncludeDir { int v; };
