package org.megacity.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The login page and the password-change page (also the forced change at first sign-in). */
@Controller
class SignInPages {

    private final PasswordChanges passwordChanges;
    private final SignedInAccounts signedInAccounts;
    private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    SignInPages(PasswordChanges passwordChanges, SignedInAccounts signedInAccounts) {
        this.passwordChanges = passwordChanges;
        this.signedInAccounts = signedInAccounts;
    }

    @GetMapping("/login")
    String login() {
        return "identity/login";
    }

    @GetMapping(CurrentAccountFilter.CHANGE_PASSWORD_PAGE)
    String passwordForm(Model model) {
        return form(model, null, List.of());
    }

    @PostMapping(CurrentAccountFilter.CHANGE_PASSWORD_PAGE)
    String changePassword(@RequestParam(required = false) String username,
            @RequestParam(required = false) String oldPassword, @RequestParam(required = false) String newPassword,
            @RequestParam(required = false) String confirmPassword, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        AccountAuthentication signedIn = signedIn();
        String name = signedIn != null ? signedIn.username() : username;
        if (isBlank(name) || isBlank(oldPassword) || isBlank(newPassword) || isBlank(confirmPassword)) {
            return form(model, "identity.password.required", List.of());
        }
        if (!newPassword.equals(confirmPassword)) {
            return form(model, "identity.password.mismatch", List.of());
        }
        return switch (passwordChanges.change(name, oldPassword, newPassword, request.getRemoteAddr())) {
            case PasswordChanges.Outcome.Changed changed -> {
                if (signedIn != null && signedIn.accountId().equals(changed.account().id())) {
                    SecurityContext context = SecurityContextHolder.createEmptyContext();
                    context.setAuthentication(signedInAccounts.authentication(changed.account(),
                            AccountAuthentication.Method.FORM));
                    SecurityContextHolder.setContext(context);
                    request.changeSessionId();
                    sessions.saveContext(context, request, response);
                    yield "redirect:/";
                }
                yield "redirect:/login?changed";
            }
            case PasswordChanges.Outcome.Rejected rejected -> form(model, "identity.password.rejected", rejected.rules());
            case PasswordChanges.Outcome.Refused refused -> form(model, "identity.password.refused", List.of());
        };
    }

    private String form(Model model, String error, List<PasswordRule> broken) {
        AccountAuthentication signedIn = signedIn();
        model.addAttribute("signedIn", signedIn != null);
        model.addAttribute("username", signedIn != null ? signedIn.username() : "");
        model.addAttribute("forced", signedIn != null && signedIn.passwordChangeRequired());
        model.addAttribute("rules", Arrays.stream(PasswordRule.values()).toList());
        model.addAttribute("error", error);
        model.addAttribute("brokenRules", broken);
        return "identity/password";
    }

    private static AccountAuthentication signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication instanceof AccountAuthentication account ? account : null;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
