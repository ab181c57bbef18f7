/* The error: a struct member without a type. */
typedef struct tagINNER { long a; ; = 3; } INNER;
