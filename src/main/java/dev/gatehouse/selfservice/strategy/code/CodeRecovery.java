package dev.gatehouse.selfservice.strategy.code;

import dev.gatehouse.courier.MessageTemplate;
import dev.gatehouse.selfservice.AddressProof;
import dev.gatehouse.selfservice.Flow;
import dev.gatehouse.selfservice.Submission;
import dev.gatehouse.selfservice.Texts;
import dev.gatehouse.selfservice.Ui;
import dev.gatehouse.selfservice.code.CodeFlows;
import dev.gatehouse.selfservice.code.CodeMessages;
import dev.gatehouse.selfservice.code.CodePurpose;
import dev.gatehouse.selfservice.code.OneTimeCodes;
import dev.gatehouse.selfservice.recovery.RecoveryMails;
import dev.gatehouse.selfservice.recovery.RecoveryMethod;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Optional;

/**
 * The {@code code} method of the recovery flow: a six-digit code mailed to a recovery address; typed back
 * (in the flow's own client), it signs the user in. Wrong codes count against the flow.
 */
@ApplicationScoped
public class CodeRecovery implements RecoveryMethod {

    static final String SESSION_METHOD = "code_recovery";

    private OneTimeCodes codes;
    private CodeMessages messages;
    private RecoveryMails mails;

    protected CodeRecovery() {
        // for the container's proxy
    }

    @Inject
    public CodeRecovery(OneTimeCodes codes, CodeMessages messages, RecoveryMails mails) {
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
        Optional<String> code = submission.field("code");
        if (claims(flow, submission)) {
            OneTimeCodes.Checked checked = codes.check(flow.tenant(), flow.id(), CodePurpose.RECOVERY, code.get().trim());
            return mails.judge(flow, checked, id(), SESSION_METHOD, "code", () -> CodeFlows.refusedCode(flow, Texts.recoveryCodeInvalid()));
        }
        return mails.send(flow, submission, id(), OneTimeCodes.Extras.NONE,
                (f, email, owner, issued) -> messages.send(f.tenant(), MessageTemplate.RECOVERY_CODE_VALID, email, owner.id(), issued.code()),
                (f, email) -> CodeFlows.sent(f, CodeFlows.codeForm(f, email), Texts.recoveryCodeSent()));
    }

    @Override
    public OneTimeCodes.Extras adminExtras() {
        return OneTimeCodes.Extras.NONE;
    }

    @Override
    public Ui adminForm(Flow flow) {
        return CodeFlows.codeForm(flow, null);
    }
}
