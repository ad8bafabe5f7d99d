package dev.sale4j.eval.suite;

/**
 * Where a suite's tasks come from and under which licence, kept in the suite file's header.
 *
 * @param id       the {@code source} of its tasks, e.g. {@code hotpotqa}
 * @param citation authors and year, e.g. {@code Yang et al. 2018}
 * @param origin   the upstream repository, path and commit the data was taken from
 * @param licence  e.g. {@code CC BY-SA 4.0}
 * @param binProxy how the human-time bin of its tasks was assigned
 * @param note     anything a user must keep (share-alike terms, subsets, caveats)
 */
public record SourceInfo(String id, String name, String citation, String origin, String licence, String binProxy,
                         String note) {

    public SourceInfo {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a source needs an id, e.g. \"mbpp\"");
        }
        name = name == null ? id : name;
        citation = citation == null ? "" : citation;
        origin = origin == null ? "" : origin;
        licence = licence == null ? "" : licence;
        binProxy = binProxy == null ? "" : binProxy;
        note = note == null ? "" : note;
    }

    /** @return the one-line attribution stored beside each task, e.g. {@code MBPP (Austin et al. 2021), CC BY 4.0} */
    public String attribution() {
        return name + (citation.isEmpty() ? "" : " (" + citation + ")") + (licence.isEmpty() ? "" : ", " + licence);
    }
}
