package io.runledger.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Errors on console pages become pages, never stack traces: no session (or an expired one) leads to the sign-in
 * page, and whatever the API refused is shown with its own words and status.
 */
@ControllerAdvice(assignableTypes = {ConsolePages.class, ActivityPages.class, MemberPages.class, OperatorPages.class})
record ConsoleErrors(ConsoleSession session) {

    @ExceptionHandler
    String signIn(Frame.SignInNeeded needed) {
        return "redirect:/signin";
    }

    @ExceptionHandler
    String refused(ApiProblem problem, HttpServletRequest request, HttpServletResponse response, Model model) {
        if (problem.status() == 401) {
            session.end(request, response);
            return "redirect:/signin";
        }
        response.setStatus(problem.status());
        model.addAttribute("status", problem.status());
        model.addAttribute("message", problem.getMessage());
        return "error-page";
    }
}
