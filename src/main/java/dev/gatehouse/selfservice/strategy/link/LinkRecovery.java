package dev.gatehouse.selfservice.strategy.link;

import dev.gatehouse.courier.MessageTemplate;
import dev.gatehouse.selfservice.AddressProof;
import dev.gatehouse.selfservice.Flow;
import dev.gatehouse.selfservice.Submission;
import dev.gatehouse.selfservice.Texts;
import dev.gatehouse.selfservice.Ui;
import dev.gatehouse.selfservice.code.CodeFlows;
import dev.gatehouse.selfservice.code.CodeMessages;
import dev.gatehouse.selfservice.code.OneTimeCodes;
import dev.gatehouse.selfservice.recovery.RecoveryMails;
import dev.gatehouse.selfservice.recovery.RecoveryMethod;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.Optional;

/**
 * The {@code link} method of the recovery flow: a single-use link ({@code /self-service/recovery?flow=&token=})
 * mailed to a recovery address; opening it signs in the browser that opens it. A refused token is not counted
 * as a wrong code: 256 random bits cannot be guessed.
 */
@ApplicationScoped
public class LinkRecovery implements RecoveryMethod {

    static final String METHOD = "link";
    static final String SESSION_METHOD = "link_recovery";

    private OneTimeCodes codes;
    private CodeMessages messages;
    private RecoveryMails mails;

    protected LinkRecovery() {
        // for the container's proxy
    }

    @Inject
    public LinkRecovery(OneTimeCodes codes, CodeMessages messages, RecoveryMails mails) {
        this.codes = codes;
        this.messages = messages;
        this.mails = mails;
    }

    @Override
    public String id() {
        return METHOD;
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
        return mails.send(flow, submission, METHOD, OneTimeCodes.Extras.LINK_ONLY,
                (f, email, owner, issued) -> messages.send(f.tenant(), MessageTemplate.RECOVERY_VALID, email, owner.id(),
                        Map.of("link", CodeFlows.link(f, issued.linkToken()), "to", email)),
                (f, email) -> CodeFlows.sent(f, CodeFlows.emailForm(f.ui().action(), f.ui().valueOf("csrf_token").orElse(null),
                        AddressProof.LINK, email), Texts.recoveryLinkSent()));
    }

    @Override
    public Optional<Result> openLink(Flow flow, String token) {
        OneTimeCodes.Checked checked = codes.checkLink(flow.tenant(), flow.id(), token);
        return Optional.of(mails.judge(flow, checked, METHOD, SESSION_METHOD, "token",
                () -> CodeFlows.withMessage(flow, Texts.recoveryTokenInvalid())));
    }

    @Override
    public OneTimeCodes.Extras adminExtras() {
        return OneTimeCodes.Extras.LINK_ONLY;
    }

    @Override
    public Ui adminForm(Flow flow) {
        return flow.ui();
    }
}
