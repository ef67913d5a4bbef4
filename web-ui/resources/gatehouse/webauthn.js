/*
 * Security keys and passkeys on Gatehouse's pages (the part of Kratos' webauthn.js these pages need). A flow's form
 * carries the WebAuthn options in its nodes; this script turns them into navigator.credentials calls and posts the
 * answer in the form's hidden input:
 *   webauthn_register_trigger  options in its value      → create() → webauthn_register        (settings; sign-up when passwordless)
 *   webauthn_login_trigger     options in its value      → get()    → webauthn_login           (aal2 sign-in; sign-in when passwordless)
 *   passkey_register_trigger   options in passkey_create_data → create() → passkey_register or
 *                                                                          passkey_settings_register
 *   passkey_login_trigger      options in passkey_challenge   → get()    → passkey_login
 * With passkey_challenge on the page and an identifier field marked autocomplete="username webauthn", the browser
 * is also asked for a passkey with conditional mediation, so the field offers the passkeys it knows.
 * The server checks every answer against the challenge of the flow it keeps; nothing here is trusted.
 */
(function () {
    "use strict";
    if (window.gatehouseWebAuthn) {
        return; // the page includes the script once per trigger
    }
    window.gatehouseWebAuthn = true;

    var ANSWERS = {
        webauthn_register_trigger: ["webauthn_register"],
        webauthn_login_trigger: ["webauthn_login"],
        passkey_register_trigger: ["passkey_register", "passkey_settings_register"],
        passkey_login_trigger: ["passkey_login"]
    };
    var OPTIONS = {passkey_register_trigger: "passkey_create_data", passkey_login_trigger: "passkey_challenge"};
    var conditional = null;

    function toBytes(base64url) {
        var s = base64url.replace(/-/g, "+").replace(/_/g, "/");
        while (s.length % 4) {
            s += "=";
        }
        var raw = atob(s);
        var bytes = new Uint8Array(raw.length);
        for (var i = 0; i < raw.length; i++) {
            bytes[i] = raw.charCodeAt(i);
        }
        return bytes.buffer;
    }

    function toBase64url(buffer) {
        var bytes = new Uint8Array(buffer);
        var s = "";
        for (var i = 0; i < bytes.length; i++) {
            s += String.fromCharCode(bytes[i]);
        }
        return btoa(s).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
    }

    function field(form, name) {
        return form.querySelector("input[name=\"" + name + "\"]");
    }

    /** The publicKey options: {"publicKey": …}, or Kratos' passkey create data {"credentialOptions": {"publicKey": …}}. */
    function options(json) {
        var o = JSON.parse(json);
        var publicKey = (o.credentialOptions || o).publicKey;
        publicKey.challenge = toBytes(publicKey.challenge);
        if (publicKey.user) {
            publicKey.user.id = toBytes(publicKey.user.id);
        }
        ["excludeCredentials", "allowCredentials"].forEach(function (list) {
            (publicKey[list] || []).forEach(function (c) {
                c.id = toBytes(c.id);
            });
        });
        return publicKey;
    }

    /** The PublicKeyCredential as the JSON the server reads (binary members base64url). */
    function answer(credential) {
        var r = credential.response;
        var response = {clientDataJSON: toBase64url(r.clientDataJSON)};
        if (r.attestationObject) {
            response.attestationObject = toBase64url(r.attestationObject);
            response.transports = r.getTransports ? r.getTransports() : [];
        } else {
            response.authenticatorData = toBase64url(r.authenticatorData);
            response.signature = toBase64url(r.signature);
            if (r.userHandle) {
                response.userHandle = toBase64url(r.userHandle);
            }
        }
        return JSON.stringify({
            id: credential.id, rawId: toBase64url(credential.rawId), type: credential.type, response: response,
            clientExtensionResults: credential.getClientExtensionResults ? credential.getClientExtensionResults() : {}
        });
    }

    /** Puts the answer into the form's input for it, names the method and submits. */
    function submit(form, names, method, credential) {
        var target = null;
        names.forEach(function (n) {
            target = target || field(form, n);
        });
        if (!target) {
            return;
        }
        target.value = answer(credential);
        var m = field(form, "method");
        if (!m || m.type !== "hidden") {
            m = document.createElement("input");
            m.type = "hidden";
            m.name = "method";
            form.appendChild(m);
        }
        m.value = method;
        form.submit();
    }

    function start(button) {
        var form = button.form;
        var trigger = button.getAttribute("data-webauthn-trigger");
        var source = OPTIONS[trigger] ? field(form, OPTIONS[trigger]) : button;
        if (!form || !source || !source.value || !window.PublicKeyCredential) {
            return;
        }
        var publicKey = options(source.value);
        var method = trigger.indexOf("passkey_") === 0 ? "passkey" : "webauthn";
        if (conditional) {
            conditional.abort(); // one request at a time: the field's passkey offer yields to the button
            conditional = null;
        }
        var call = publicKey.user ? navigator.credentials.create({publicKey: publicKey})
            : navigator.credentials.get({publicKey: publicKey});
        call.then(function (credential) {
            if (credential) {
                submit(form, ANSWERS[trigger], method, credential);
            }
        }).catch(function () {
            // cancelled or refused by the person or the browser: the form stays as it is
        });
    }

    /** Conditional UI: the identifier field offers the passkeys the browser has for this site. */
    function offerPasskeys() {
        var challenge = document.querySelector("input[name=\"passkey_challenge\"]");
        var identifier = document.querySelector("input[name=\"identifier\"]");
        if (!challenge || !identifier || (identifier.getAttribute("autocomplete") || "").indexOf("webauthn") < 0
            || !window.PublicKeyCredential || !PublicKeyCredential.isConditionalMediationAvailable) {
            return;
        }
        PublicKeyCredential.isConditionalMediationAvailable().then(function (available) {
            if (!available) {
                return;
            }
            conditional = new AbortController();
            navigator.credentials.get({publicKey: options(challenge.value), mediation: "conditional", signal: conditional.signal})
                .then(function (credential) {
                    if (credential) {
                        submit(challenge.form, ANSWERS.passkey_login_trigger, "passkey", credential);
                    }
                }).catch(function () {
                    // aborted for the button, or nothing chosen
                });
        });
    }

    function init() {
        var buttons = document.querySelectorAll("button[data-webauthn-trigger]");
        for (var i = 0; i < buttons.length; i++) {
            buttons[i].addEventListener("click", function (e) {
                e.preventDefault();
                start(e.currentTarget);
            });
        }
        offerPasskeys();
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", init);
    } else {
        init();
    }
})();
