package se.skyddsnat.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import se.skyddsnat.identity.CurrentUser;

/**
 * What every page's layout needs: who is logged in and the current path (for the language
 * switch).
 */
@ControllerAdvice(annotations = Controller.class)
class LayoutModel {

	@ModelAttribute
	void layout(Model model, HttpServletRequest request) {
		CurrentUser.get().ifPresent(user -> model.addAttribute("currentUser", user));
		model.addAttribute("currentPath", request.getServletPath());
	}

}
