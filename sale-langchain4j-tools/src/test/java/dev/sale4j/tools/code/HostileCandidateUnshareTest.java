package dev.sale4j.tools.code;

/** The hostile candidates with both grader processes under {@link IsolationLevel#UNSHARE}. */
class HostileCandidateUnshareTest extends HostileCandidateTest {

    @Override
    IsolationLevel level() {
        return IsolationLevel.UNSHARE;
    }
}
