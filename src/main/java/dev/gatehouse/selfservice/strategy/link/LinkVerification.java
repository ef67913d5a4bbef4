package dev.gatehouse.selfservice.strategy.link;

import dev.gatehouse.courier.MessageTemplate;
import dev.gatehouse.identity.Identity;
import dev.gatehouse.selfservice.AddressProof;
import dev.gatehouse.selfservice.Flow;
import dev.gatehouse.selfservice.Submission;
import dev.gatehouse.selfservice.Texts;
import dev.gatehouse.selfservice.Ui;
import dev.gatehouse.selfservice.code.CodeFlows;
import dev.gatehouse.selfservice.code.CodeMessages;
import dev.gatehouse.selfservice.code.OneTimeCodes;
import dev.gatehouse.selfservice.verification.VerificationMails;
import dev.gatehouse.selfservice.verification.VerificationMethod;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.Optional;

/**
 * The {@code link} method of the verification flow: a single-use link mailed to the address; opening it (in any
 * browser: it proves the mailbox, and signs nobody in) marks the address verified.
 */
@ApplicationScoped
public class LinkVerification implements VerificationMethod {

    private OneTimeCodes codes;
    private CodeMessages messages;
    private VerificationMails mails;

    protected LinkVerification() {
        // for the container's proxy
    }

    @Inject
    public LinkVerification(OneTimeCodes codes, CodeMessages messages, VerificationMails mails) {
        this.codes = codes;
        this.messages = messages;
        this.mails = mails;
    }

    @Override
    public String id() {
        return LinkRecovery.METHOD;
    }

    @Override
    public int order() {
        return LinkMethods.ORDER;
    }

    @Override
    public Ui form(String action, String csrfSecret) {
        return CodeFlows.emailForm(action, csrfSecret, AddressProof.LINK, "");
    }

    @Override
    public Result submit(Flow flow, Submission submission) {
        return mails.submitted(flow, submission, this);
    }

    @Override
    public Answered send(Flow flow, String email, Identity owner) {
        boolean issued = mails.issue(flow, email, owner, id(), OneTimeCodes.Extras.LINK_ONLY,
                (to, who, code) -> messages.send(flow.tenant(), MessageTemplate.VERIFICATION_VALID, to, who.id(),
                        Map.of("link", CodeFlows.link(flow, code.linkToken()), "to", to)));
        return issued ? new Answered(CodeFlows.sent(flow, CodeFlows.emailForm(flow.ui().action(),
                flow.ui().valueOf("csrf_token").orElse(null), AddressProof.LINK, email), Texts.verificationLinkSent()), true)
                : mails.tooSoon(flow);
    }

    @Override
    public Optional<Result> openLink(Flow flow, String token) {
        return Optional.of(mails.verify(flow, codes.checkLink(flow.tenant(), flow.id(), token), id(),
                () -> CodeFlows.withMessage(flow, Texts.verificationTokenInvalid())));
    }
}
