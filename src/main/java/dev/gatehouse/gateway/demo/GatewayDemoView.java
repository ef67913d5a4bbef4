package dev.gatehouse.gateway.demo;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Lets the home page list the gateway demo while the demo switch is on. */
@Named("gatewayDemo")
@RequestScoped
public class GatewayDemoView {

    @Inject
    DemoRules demo;

    public boolean isEnabled() {
        return demo.enabled();
    }
}
