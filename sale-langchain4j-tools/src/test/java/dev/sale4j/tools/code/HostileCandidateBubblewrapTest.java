package dev.sale4j.tools.code;

/** The hostile candidates with both grader processes under {@link IsolationLevel#BUBBLEWRAP}. */
class HostileCandidateBubblewrapTest extends HostileCandidateTest {

    @Override
    IsolationLevel level() {
        return IsolationLevel.BUBBLEWRAP;
    }
}
