package dev.sale4j.jury;

import java.util.List;
import java.util.concurrent.Callable;

/**
 * One call a {@link Jury} needs made: which juror, which bids it judges, and the call itself. The auction runs a
 * jury's calls in parallel; a call that throws or runs late costs exactly its own scores, marked {@code FAILED}.
 *
 * @param juror   the judging agent
 * @param bidders the agents whose bids this call judges
 * @param call    the call
 */
public record JuryCall(String juror, List<String> bidders, Callable<JuryVerdict> call) {

    public JuryCall {
        bidders = List.copyOf(bidders);
    }
}
