document.body.classList.add("added-by-script");
