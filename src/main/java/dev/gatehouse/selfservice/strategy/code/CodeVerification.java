package dev.gatehouse.selfservice.strategy.code;

import dev.gatehouse.courier.Channel;
import dev.gatehouse.courier.MessageTemplate;
import dev.gatehouse.identity.Identity;
import dev.gatehouse.selfservice.AddressProof;
import dev.gatehouse.selfservice.Flow;
import dev.gatehouse.selfservice.Submission;
import dev.gatehouse.selfservice.Texts;
import dev.gatehouse.selfservice.Ui;
import dev.gatehouse.selfservice.code.CodeFlows;
import dev.gatehouse.selfservice.code.CodeMessages;
import dev.gatehouse.selfservice.code.CodePurpose;
import dev.gatehouse.selfservice.code.OneTimeCodes;
import dev.gatehouse.selfservice.code.SendLimits;
import dev.gatehouse.selfservice.verification.VerificationMails;
import dev.gatehouse.selfservice.verification.VerificationMethod;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Map;

/**
 * The {@code code} method of the verification flow: a six-digit code mailed to the address; typed back, it
 * marks the address verified. Wrong codes count against the flow.
 */
@ApplicationScoped
public class CodeVerification implements VerificationMethod {

    private OneTimeCodes codes;
    private CodeMessages messages;
    private VerificationMails mails;
    private SendLimits limits;

    protected CodeVerification() {
        // for the container's proxy
    }

    @Inject
    public CodeVerification(OneTimeCodes codes, CodeMessages messages, VerificationMails mails, SendLimits limits) {
        this.limits = limits;
        this.codes = codes;
        this.messages = messages;
        this.mails = mails;
    }

    @Override
    public String id() {
        return CodeLogin.METHOD;
    }

    @Override
    public int order() {
        return CodeMethods.ORDER;
    }

    @Override
    public Ui form(String action, String csrfSecret) {
        return CodeFlows.emailForm(action, csrfSecret, AddressProof.CODE, "");
    }

    @Override
    public boolean claims(Flow flow, Submission submission) {
        return CodeMethods.codeTyped(flow, submission);
    }

    @Override
    public Result submit(Flow flow, Submission submission) {
        if (claims(flow, submission)) {
            String code = submission.field("code").orElseThrow().trim();
            return mails.verify(flow, codes.check(flow.tenant(), flow.id(), CodePurpose.VERIFICATION, code), id(),
                    () -> CodeFlows.refusedCode(flow, Texts.verificationCodeInvalid()));
        }
        return mails.submitted(flow, submission, this);
    }

    @Override
    public boolean bySms() {
        return true;
    }

    /** Sends the code to the e-mail address, or by SMS to a phone number (E.164), within the send limits. */
    @Override
    public Answered send(Flow flow, String address, Identity owner) {
        Channel channel = CodeAddress.channelOf(address);
        if (limits.exhausted(flow.tenant(), channel, address)) {
            return new Answered(CodeFlows.withMessage(flow, Texts.tooManyCodes()), false);
        }
        boolean issued = mails.issue(flow, address, owner, id(), OneTimeCodes.Extras.NONE,
                (to, who, code) -> messages.send(flow.tenant(), channel, MessageTemplate.VERIFICATION_CODE_VALID, to, who.id(),
                        Map.of("code", code.code(), "to", to)));
        if (!issued) {
            return mails.tooSoon(flow);
        }
        limits.counted(flow.tenant(), channel, address);
        return new Answered(CodeFlows.sent(flow, CodeFlows.codeForm(flow, address), Texts.verificationCodeSent()), true);
    }
}
