package org.pyeongga.voting.web.api;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.pyeongga.core.UserFacingException;
import org.pyeongga.voting.Ballots;
import org.pyeongga.voting.CastContext;
import org.pyeongga.voting.CastContexts;
import org.pyeongga.voting.Channel;
import org.pyeongga.voting.Choice;
import org.pyeongga.voting.Receipt;
import org.pyeongga.voting.VoteCasting;
import org.pyeongga.voting.Voter;
import org.pyeongga.voting.VoterTokens;
import org.pyeongga.voting.VotingPermissions;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Casting one vote over HTTP, shared by {@link VotingApi} (documented in OpenAPI; serves staff who vote signed in)
 * and {@link VoteFastPath} (serves every vote that carries a voter token): read the voter from the token, or else
 * the signed-in staff member's staff key; parse the choice against the ballot; cast.
 */
@Component
class VoteEndpoint {

    private final Ballots ballots;
    private final VoteCasting casting;
    private final VoterTokens tokens;
    private final VotingPermissions permissions;
    private final CastContexts contexts;

    VoteEndpoint(Ballots ballots, VoteCasting casting, VoterTokens tokens, VotingPermissions permissions,
            CastContexts contexts) {
        this.ballots = ballots;
        this.casting = casting;
        this.tokens = tokens;
        this.permissions = permissions;
        this.contexts = contexts;
    }

    VotingApi.ReceiptAnswer cast(long ballotId, VotingApi.VoteRequest request, @Nullable String token,
            HttpServletRequest http) {
        CastContext context = contexts.of(http);
        boolean noToken = token == null || token.isBlank();
        // a voter token; without one, a staff member signed in (HTTP Basic) votes with their staff key (staff ballots)
        Voter voter = (noToken ? tokens.staffVoter(permissions.current()) : tokens.read(token, context.receivedAt()))
                .orElseThrow(() -> new UserFacingException(HttpStatus.UNAUTHORIZED,
                        noToken ? "voting.token.missing" : "voting.token.invalid"));
        Choice choice = Choice.from(ballots.announced(ballotId), request.options(), request.answers());
        Receipt receipt = casting.cast(ballotId, voter, choice, Channel.WEB, context);
        return new VotingApi.ReceiptAnswer(receipt.code());
    }
}
