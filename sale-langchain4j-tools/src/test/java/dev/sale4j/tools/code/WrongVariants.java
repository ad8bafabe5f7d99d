package dev.sale4j.tools.code;

/**
 * Deliberately wrong variants of reference solutions: the reference still runs, but every answer of the function
 * under test is perturbed (an int off by one, a float scaled by 1.5 plus one, a bool negated, a string or list extended, a node dropped...),
 * so tests that pass the reference must fail the variant.
 */
final class WrongVariants {

    private static final String PERTURB = """

            def _s4j_wrong(r):
                try:
                    return _s4j_perturb(r)
                except Exception:
                    return None

            def _s4j_perturb(r):
                if isinstance(r, bool):
                    return not r
                if isinstance(r, int):
                    return r + 1
                if isinstance(r, float):
                    return r * 1.5 + 1
                if isinstance(r, str):
                    return r + '#'
                if isinstance(r, (list, tuple)):
                    return type(r)(list(r) + [None])
                if isinstance(r, (set, frozenset)):
                    return type(r)(set(r) | {'#'})
                if isinstance(r, dict):
                    return dict(r, **{'#': '#'})
                if r is None:
                    return 0
                return None
            """;

    private WrongVariants() {
    }

    /** @return {@code code} with function {@code name}'s results perturbed */
    static String function(String code, String name) {
        return code + PERTURB + "_s4j_right = " + name + "\n"
                + "def " + name + "(*a, **k):\n    return _s4j_wrong(_s4j_right(*a, **k))\n";
    }

    /** @return {@code code} with method {@code cls.method}'s results perturbed */
    static String method(String code, String cls, String method) {
        return code + PERTURB + "_s4j_right = " + cls + "." + method + "\n"
                + "def _s4j_method(self, *a, **k):\n    return _s4j_wrong(_s4j_right(self, *a, **k))\n"
                + cls + "." + method + " = _s4j_method\n";
    }
}
